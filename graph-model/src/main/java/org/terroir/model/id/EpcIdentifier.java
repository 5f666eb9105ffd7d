package org.terroir.model.id;

/**
 * A GS1 identifier that has an EPC URN and a GS1 Digital Link form: {@link Sgtin}, {@link Lgtin},
 * {@link Gtin} (as product class), {@link Sgln} and {@link Sscc}.
 *
 * <p>{@link #key()} is the one canonical, host-free form used as the graph's natural key: the
 * Digital Link path without leading slash, GTINs as 14 digits, values percent-encoded as in
 * {@link #toDigitalLink(String)}, e.g. {@code 01/09520001000010/21/SN1},
 * {@code 01/09520001000010/10/LOT7}, {@code 414/9520001000003/254/3}, {@code 00/095200010000000010}.
 * An EPC URN and a Digital Link of the same thing give the same key.
 */
public sealed interface EpcIdentifier permits Gtin, Lgtin, Sgln, Sgtin, Sscc {

    /** GS1's global resolver, the default base of {@link #toDigitalLink()}. */
    String GS1_RESOLVER = "https://id.gs1.org";

    /** The canonical key, e.g. {@code 01/09520001000010/21/SN1}. */
    String key();

    /**
     * The EPC pure-identity URN (EPC class URN for {@link Lgtin}, pattern for {@link Gtin}).
     *
     * @param lengths tells where the GS1 Company Prefix ends
     * @throws InvalidIdentifierException if {@code lengths} knows no company prefix length for the key
     */
    String toEpcUrn(CompanyPrefixLengths lengths);

    /** {@link #toEpcUrn(CompanyPrefixLengths)} with {@link CompanyPrefixLengths#defaults()}. */
    default String toEpcUrn() {
        return toEpcUrn(CompanyPrefixLengths.defaults());
    }

    /**
     * The GS1 Digital Link URI under a resolver base, e.g. {@code https://example.com/foo}
     * gives {@code https://example.com/foo/01/09520001000010/21/SN1}.
     *
     * @param base {@code http} or {@code https} URI with host and optional path, no query or fragment
     * @throws IllegalArgumentException if the base is not such a URI
     */
    default String toDigitalLink(String base) {
        return DigitalLinks.format(base, key());
    }

    /** The GS1 Digital Link URI under {@link #GS1_RESOLVER}. */
    default String toDigitalLink() {
        return toDigitalLink(GS1_RESOLVER);
    }

    /**
     * Reads an EPC URN ({@code urn:epc:...}) or a GS1 Digital Link URI ({@code http(s)://...}, any
     * host, any path before the primary key, query and fragment ignored).
     */
    static EpcIdentifier parse(String urnOrDigitalLink) {
        if (urnOrDigitalLink != null && urnOrDigitalLink.regionMatches(true, 0, "urn:", 0, 4)) {
            return EpcUrns.parse(urnOrDigitalLink);
        }
        if (DigitalLinks.hasWebScheme(urnOrDigitalLink)) {
            return DigitalLinks.parse(urnOrDigitalLink);
        }
        throw new InvalidIdentifierException("EPC identifier", urnOrDigitalLink,
                "neither an EPC URN (urn:epc:...) nor a GS1 Digital Link URI (http:// or https://)");
    }

    /**
     * Reads an EPC URN: {@code urn:epc:id:sgtin:}, {@code urn:epc:class:lgtin:},
     * {@code urn:epc:id:sgln:}, {@code urn:epc:id:sscc:} or {@code urn:epc:idpat:sgtin:} (one GTIN).
     */
    static EpcIdentifier parseEpcUrn(String urn) {
        return EpcUrns.parse(urn);
    }

    /**
     * Reads a GS1 Digital Link URI with primary key AI 01, 414 or 00 and its key qualifiers (22, 10,
     * 21 after 01; 254 after 414), which must come in that order. 01 + 10 + 21 gives an
     * {@link Sgtin} (the lot is validated, then dropped); AI 22 is rejected, having no EPC form.
     */
    static EpcIdentifier parseDigitalLink(String uri) {
        return DigitalLinks.parse(uri);
    }

    /** Reads a {@link #key()}; anything but the canonical form is rejected. */
    static EpcIdentifier fromKey(String key) {
        return DigitalLinks.parseKey(key);
    }
}
