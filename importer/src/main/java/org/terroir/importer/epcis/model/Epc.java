package org.terroir.importer.epcis.model;

import java.util.Objects;
import java.util.Optional;
import org.terroir.model.id.EpcIdentifier;

/**
 * An identifier found in an event (EPC, EPC class, parent, location, source, destination).
 *
 * <p>When {@link EpcIdentifier} understands it (SGTIN, LGTIN, SGLN, SSCC, GTIN as EPC URN or
 * GS1 Digital Link), {@link #key()} is its canonical key, e.g. {@code 01/09520001000010/21/SN1},
 * so a URN and a Digital Link of the same thing are equal. Anything else (GRAI, GIAI, PGLN,
 * {@code urn:uuid:}, a Digital Link with a wrong check digit, ...) has {@link #gs1Key()} false:
 * other GS1 keys are keyed by their canonical Digital Link path, the rest kept as written.
 *
 * @param key     canonical key, or the trimmed original string when not understood
 * @param gs1Key  whether {@code key} is an {@link EpcIdentifier#key()}
 */
public record Epc(String key, boolean gs1Key) {

    public Epc {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("An EPC must not be blank");
        }
    }

    /**
     * Reads an EPC URN, a GS1 Digital Link or any other URI. Other GS1 keys (GRAI, GIAI, PGLN, ...)
     * get the path of their canonical Digital Link as key (e.g. {@code 8003/04012345000221334455}),
     * so their URN and Digital Link forms are equal too; anything else is kept as written.
     */
    public static Epc of(String urnOrUri) {
        String value = urnOrUri.strip();
        try {
            return new Epc(EpcIdentifier.parse(value).key(), true);
        } catch (IllegalArgumentException notUnderstood) {
            return Gs1DigitalLinks.canonical(value).map(Epc::fromCanonical).orElseGet(() -> new Epc(value, false));
        }
    }

    /** A canonical Digital Link: graph-model's key when it understands it (e.g. a link with AI 22 dropped). */
    private static Epc fromCanonical(String digitalLink) {
        try {
            return new Epc(EpcIdentifier.parse(digitalLink).key(), true);
        } catch (IllegalArgumentException notUnderstood) {
            return new Epc(digitalLink.substring(Gs1DigitalLinks.BASE.length()), false);
        }
    }

    /** The typed identifier, when {@link #gs1Key()}. */
    public Optional<EpcIdentifier> identifier() {
        return gs1Key ? Optional.of(EpcIdentifier.fromKey(key)) : Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
