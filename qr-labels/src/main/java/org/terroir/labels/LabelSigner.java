package org.terroir.labels;

import java.util.Objects;

/** Signs labels with one signer key: adds AI 8030 (see {@link LabelSignature}). */
public final class LabelSigner {

    private final SigningKey key;

    /** A signer with this key; the algorithm is the key's. */
    public LabelSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The label with its signature in AI 8030.
     *
     * @param label a label without AI 8030, with AI 21 and AI 11 or 13
     * @throws IllegalArgumentException if the label already carries AI 8030
     * @throws org.terroir.model.id.InvalidIdentifierException if it lacks AI 21 or both AI 11 and 13
     */
    public DigitalLink sign(DigitalLink label) {
        if (label.digitalSignature().isPresent()) {
            throw new IllegalArgumentException("label " + label.toUri() + " is already signed (AI 8030)");
        }
        CertificateId id = key.verificationKey().certificateId();
        byte[] signature = key.sign(LabelSignature.signedBytes(label, id));
        return label.withDigitalSignature(new LabelSignature(id, signature).encode());
    }

    /** The key's public half, to publish. */
    public VerificationKey verificationKey() {
        return key.verificationKey();
    }
}
