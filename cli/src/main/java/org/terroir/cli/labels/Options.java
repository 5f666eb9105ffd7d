package org.terroir.cli.labels;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.terroir.labels.Revocation;
import org.terroir.labels.SignatureAlgorithm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters of the label commands' option values. */
final class Options {

    private Options() {
    }

    /** {@code ed25519}, {@code ecdsa-p256}, {@code sm2}. */
    static final class Algorithm implements ITypeConverter<SignatureAlgorithm> {
        static final String CHOICES = "ed25519, ecdsa-p256, sm2";

        @Override
        public SignatureAlgorithm convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "ed25519" -> SignatureAlgorithm.ED25519;
                case "ecdsa-p256", "p256", "p-256" -> SignatureAlgorithm.ECDSA_P256;
                case "sm2" -> SignatureAlgorithm.SM2;
                default -> throw new TypeConversionException("unknown algorithm '" + value + "', expected one of " + CHOICES);
            };
        }
    }

    /** RFC 5280 reason names with dashes: {@code key-compromise}, {@code superseded}, ... */
    static final class Reason implements ITypeConverter<Revocation.Reason> {
        @Override
        public Revocation.Reason convert(String value) {
            try {
                return Revocation.Reason.parse(value);
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException(unknown.getMessage());
            }
        }
    }

    /** An ISO date ({@code 2026-11-23}, the start of that day in UTC) or an ISO instant ({@code 2026-11-23T08:00:00Z}). */
    static final class Moment implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is neither an ISO date (2026-11-23) nor an ISO instant"
                        + " (2026-11-23T08:00:00Z)");
            }
        }
    }
}
