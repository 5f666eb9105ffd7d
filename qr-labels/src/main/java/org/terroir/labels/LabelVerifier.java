package org.terroir.labels;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.terroir.model.id.InvalidIdentifierException;

/**
 * Checks labels offline against a set of trusted signer keys, found by the certificate id in each
 * label's signature (several keys may share an id; each is tried). Never throws on bad input: every
 * problem is a {@link Verdict.NotGenuine} with its reason.
 */
public final class LabelVerifier {

    private final Map<CertificateId, List<VerificationKey>> trusted;

    /** A verifier trusting exactly these keys. */
    public LabelVerifier(Collection<VerificationKey> trustedKeys) {
        this.trusted = trustedKeys.stream().distinct()
                .collect(Collectors.groupingBy(VerificationKey::certificateId, Collectors.toUnmodifiableList()));
    }

    /** Reads a Digital Link URI and checks it; a URI that cannot be read is {@code malformed}. */
    public Verdict verify(String uri) {
        DigitalLink label;
        try {
            label = DigitalLink.parse(uri);
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
        return verify(label);
    }

    /** Checks a label. */
    public Verdict verify(DigitalLink label) {
        if (label == null) {
            return malformed("no label");
        }
        if (label.digitalSignature().isEmpty()) {
            return malformed("the label carries no digital signature (AI 8030)");
        }
        LabelSignature signature;
        byte[] message;
        try {
            signature = LabelSignature.parse(label.digitalSignature().get());
            message = LabelSignature.signedBytes(label, signature.signer());
        } catch (InvalidIdentifierException e) {
            return malformed(e.getMessage());
        }
        List<VerificationKey> candidates = trusted.getOrDefault(signature.signer(), List.of());
        if (candidates.isEmpty()) {
            return new Verdict.NotGenuine(Verdict.Reason.UNKNOWN_SIGNER,
                    "no trusted key has certificate id " + signature.signer());
        }
        byte[] bytes = signature.signature();
        for (VerificationKey key : candidates) {
            if (key.verify(message, bytes)) {
                return new Verdict.Genuine(label, key);
            }
        }
        return new Verdict.NotGenuine(Verdict.Reason.TAMPERED, "the signature of certificate " + signature.signer()
                + " does not match the label's AI values " + label.withoutDigitalSignature().elementString());
    }

    private static Verdict malformed(String detail) {
        return new Verdict.NotGenuine(Verdict.Reason.MALFORMED, detail);
    }
}
