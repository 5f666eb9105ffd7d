package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Declares an earlier event erroneous; {@code reason} is a {@linkplain Cbv normalised} CBV error reason. */
public record ErrorDeclaration(
        Instant declarationTime,
        Optional<String> reason,
        List<String> correctiveEventIds,
        List<Extension> extensions) {

    public ErrorDeclaration {
        correctiveEventIds = List.copyOf(correctiveEventIds);
        extensions = Extension.canonical(extensions);
    }
}
