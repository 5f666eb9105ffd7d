package org.terroir.labels;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The revocation of a label certificate, named as in X.509 CRLs by issuer and serial number,
 * with the moment and the reason. What it voids: with {@link Reason#KEY_COMPROMISE} or
 * {@link Reason#CA_COMPROMISE} every label whose chain contains the certificate, whatever its
 * date (a stolen key can backdate); with any other reason only labels dated on or after the day
 * of the revocation (the end of the label's day is after {@code revokedAt}).
 *
 * @param issuer       the issuer's distinguished name, as {@link LabelCertificate#issuer()}
 * @param serialNumber the certificate's serial number
 * @param revokedAt    when it was revoked
 * @param reason       why (RFC 5280 reason codes that apply to label certificates)
 */
public record Revocation(String issuer, BigInteger serialNumber, Instant revokedAt, Reason reason) {

    /** Requires every part. */
    public Revocation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The revocation of a certificate. */
    public static Revocation of(LabelCertificate certificate, Instant revokedAt, Reason reason) {
        return new Revocation(certificate.issuer(), certificate.serialNumber(), revokedAt, reason);
    }

    /** Whether this revokes the certificate. */
    public boolean revokes(LabelCertificate certificate) {
        return issuer.equals(certificate.issuer()) && serialNumber.equals(certificate.serialNumber());
    }

    /**
     * Whether this voids a label signed through the revoked certificate whose date ends at
     * {@code labelDateEnd} (exclusive).
     */
    public boolean voids(Instant labelDateEnd) {
        return reason.voidsEveryLabel() || revokedAt.isBefore(labelDateEnd);
    }

    /** Why a certificate was revoked (RFC 5280 section 5.3.1 reason codes). */
    public enum Reason {
        /** No reason given. */
        UNSPECIFIED,
        /** The subject's private key is known or suspected to be compromised: voids every label. */
        KEY_COMPROMISE,
        /** The issuing CA's key is compromised: voids every label. */
        CA_COMPROMISE,
        /** The subject left the brand or changed its name. */
        AFFILIATION_CHANGED,
        /** Replaced by a new certificate. */
        SUPERSEDED,
        /** The packing house or cooperative stopped operating. */
        CESSATION_OF_OPERATION,
        /** The brand withdrew the right to sign labels. */
        PRIVILEGE_WITHDRAWN;

        /** Whether labels of every date are void. */
        public boolean voidsEveryLabel() {
            return this == KEY_COMPROMISE || this == CA_COMPROMISE;
        }

        /** The RFC 5280 name with dashes, as revocation files and commands write it: {@code key-compromise}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Every reason's {@link #text()}, comma-separated, in the order declared. */
        public static String texts() {
            StringBuilder all = new StringBuilder();
            for (Reason reason : values()) {
                all.append(all.isEmpty() ? "" : ", ").append(reason.text());
            }
            return all.toString();
        }

        /**
         * The reason whose {@link #text()} is {@code text}, in any case and with underscores for dashes.
         *
         * @throws IllegalArgumentException naming the text and the reasons there are
         */
        public static Reason parse(String text) {
            for (Reason reason : values()) {
                if (reason.text().equals(text.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown reason '" + text + "', expected one of " + texts());
        }
    }
}
