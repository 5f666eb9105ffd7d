package org.terroir.labels.render;

/** QR error correction level: the share of the symbol that may be damaged and still read. */
public enum ErrorCorrection {
    /** About 7 % recoverable: the smallest symbol. */
    L,
    /** About 15 % recoverable: the default for labels. */
    M,
    /** About 25 % recoverable. */
    Q,
    /** About 30 % recoverable: for rough packaging or a logo over the code. */
    H
}
