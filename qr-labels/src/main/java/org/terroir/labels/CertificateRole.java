package org.terroir.labels;

/** What a label certificate may do: the three levels of the label PKI. */
public enum CertificateRole {
    /** A regulator's self-signed root: issues brand certificates. */
    REGULATOR_ROOT,
    /** A brand association, bound to its GS1 company prefixes: issues signer certificates. */
    BRAND,
    /** A packing house or cooperative that signs labels for GTINs of its brand's company prefixes. */
    SIGNER
}
