package org.terroir.labels;

import java.util.List;
import java.util.Objects;

/**
 * A signer's verified path to a trusted root: each certificate issued by the next, roles in order.
 *
 * @param signer the signer's certificate
 * @param brand  the brand association's certificate that issued it
 * @param root   the trusted regulator root that issued the brand's
 */
public record CertificateChain(LabelCertificate signer, LabelCertificate brand, LabelCertificate root) {

    /** Requires all three. */
    public CertificateChain {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(root, "root");
    }

    /** Signer, brand, root. */
    public List<LabelCertificate> certificates() {
        return List.of(signer, brand, root);
    }

    /** The company prefixes the signer may sign for: its own if it lists any, else its brand's. */
    public List<String> companyPrefixes() {
        return companyPrefixes(signer, brand);
    }

    /** The company prefixes a signer issued by this brand may sign for: its own if it lists any, else the brand's. */
    static List<String> companyPrefixes(LabelCertificate signer, LabelCertificate brand) {
        return signer.companyPrefixes().isEmpty() ? brand.companyPrefixes() : signer.companyPrefixes();
    }
}
