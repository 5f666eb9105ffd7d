package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;
import java.util.Optional;

/** A business transaction reference; {@code type} is a {@linkplain Cbv normalised} CBV BTT value. */
public record BizTransaction(Optional<String> type, String id) {
}
