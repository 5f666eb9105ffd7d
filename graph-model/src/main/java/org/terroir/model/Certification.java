package org.terroir.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A certificate, node {@code (:Certification {id, kind, number, issuer, validFrom, validUntil?})}:
 * {@code (Certification)-[:CERTIFIES]->(Product|Party|Brand)}.
 *
 * @param id         the certification's id: 1 to 128 characters, a letter or digit first, then letters, digits, {@code . _ : -}
 * @param kind       what it attests
 * @param number     the certificate number as printed, 1 to 64 characters
 * @param issuer     who issued it, 1 to 200 characters
 * @param validFrom  the first day it is valid
 * @param validUntil the last day it is valid, not before {@code validFrom}; empty if open-ended
 */
public record Certification(String id, CertificationKind kind, String number, String issuer, LocalDate validFrom,
        Optional<LocalDate> validUntil) {

    /** Validates every field and that the validity does not end before it starts. */
    public Certification {
        Check.identifier("Certification.id", id);
        Check.present("Certification.kind", kind);
        number = Check.text("Certification.number", number, 64);
        issuer = Check.text("Certification.issuer", issuer, 200);
        Check.present("Certification.validFrom", validFrom);
        Check.present("Certification.validUntil", validUntil);
        if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
            throw Check.invalid("Certification.validUntil", validUntil.get(),
                    "on or after Certification.validFrom (" + validFrom + ")");
        }
    }

    /** Whether the certificate is valid on {@code date}: from {@code validFrom} through {@code validUntil}, both included. */
    public boolean isValidOn(LocalDate date) {
        Check.present("date", date);
        return !date.isBefore(validFrom) && validUntil.map(until -> !date.isAfter(until)).orElse(true);
    }
}
