package org.terroir.model.id;

import java.util.Objects;
import java.util.Optional;

/**
 * A physical location: GLN (AI 414) with an optional GLN extension (AI 254) of 1 to 20 characters
 * from GS1 AI encodable character set 82. EPC URN
 * {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.Extension} (extension {@code 0} when there is
 * none), Digital Link {@code /414/{gln}[/254/{extension}]}, key {@code 414/{gln}[/254/{extension}]}.
 * The extension {@code "0"} itself is rejected: the EPC Tag Data Standard reserves it for "no
 * extension", so it could not round-trip.
 *
 * @param gln       the location's GLN
 * @param extension the GLN extension, unescaped, if any
 */
public record Sgln(Gln gln, Optional<String> extension) implements EpcIdentifier {

    static final String EXTENSION_LABEL = "GLN extension (AI 254)";

    /** Requires the GLN and validates the extension. */
    public Sgln {
        Objects.requireNonNull(gln, "gln");
        Objects.requireNonNull(extension, "extension");
        extension.ifPresent(Sgln::requireExtension);
    }

    /** A location without extension. */
    public static Sgln of(Gln gln) {
        return new Sgln(gln, Optional.empty());
    }

    /** A location with a GLN extension. */
    public static Sgln of(Gln gln, String extension) {
        Rules.requireNonNull(EXTENSION_LABEL, extension);
        return new Sgln(gln, Optional.of(extension));
    }

    /** Reads {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.Extension}. */
    public static Sgln parse(String epcUrn) {
        return Rules.expect(Sgln.class, "an SGLN", EpcUrns.LABEL, epcUrn, EpcUrns.parse(epcUrn));
    }

    /** Reads a GS1 Digital Link URI with AI 414 and optionally 254. */
    public static Sgln parseDigitalLink(String uri) {
        return Rules.expect(Sgln.class, "an SGLN", DigitalLinks.LABEL, uri, DigitalLinks.parse(uri));
    }

    @Override
    public String key() {
        return "414/" + gln.value() + extension.map(e -> "/254/" + DigitalLinks.encode(e)).orElse("");
    }

    @Override
    public String toEpcUrn(CompanyPrefixLengths lengths) {
        String digits = gln.value();
        int cp = EpcUrns.companyPrefixLength(lengths, Gln.LABEL, digits, digits);
        return EpcUrns.SGLN + digits.substring(0, cp) + '.' + digits.substring(cp, 12) + '.'
                + extension.map(EpcUrns::escape).orElse(EpcUrns.NO_GLN_EXTENSION);
    }

    private static void requireExtension(String extension) {
        Rules.requireCharacterSet82(EXTENSION_LABEL, extension, 20);
        if (extension.equals(EpcUrns.NO_GLN_EXTENSION)) {
            throw new InvalidIdentifierException(EXTENSION_LABEL, extension,
                    "\"0\" is reserved by the EPC Tag Data Standard for 'no extension'; omit the extension instead");
        }
    }
}
