package org.terroir.labels;

import java.util.Objects;
import java.util.Optional;

/** The answer of a label check: {@link Genuine} or {@link NotGenuine} with a reason. */
public sealed interface Verdict permits Verdict.Genuine, Verdict.NotGenuine {

    /** Whether the label is genuine. */
    boolean isGenuine();

    /**
     * The label is genuine: a trusted key signed exactly these AI values.
     *
     * @param label  the label as read
     * @param signer the trusted key whose signature verified
     * @param chain  the signer's certificate chain, when the verifier works from certificates
     */
    record Genuine(DigitalLink label, VerificationKey signer, Optional<CertificateChain> chain) implements Verdict {
        public Genuine {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(chain, "chain");
        }

        @Override
        public boolean isGenuine() {
            return true;
        }

        @Override
        public String toString() {
            return "genuine (signed by " + chain.map(c -> c.signer().name() + " of " + c.brand().name() + ", ").orElse("")
                    + signer.certificateId() + ", " + signer.algorithm().name() + ")";
        }
    }

    /**
     * The label is not genuine.
     *
     * @param reason why, as a fixed category
     * @param detail what exactly, for people (never key material)
     */
    record NotGenuine(Reason reason, String detail) implements Verdict {
        public NotGenuine {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isGenuine() {
            return false;
        }

        @Override
        public String toString() {
            return "not genuine: " + reason.text() + " (" + detail + ")";
        }
    }

    /** Why a label is not genuine. */
    enum Reason {
        /** A trusted key with the label's certificate id exists, but the signature does not match the AI values. */
        TAMPERED("tampered"),
        /** No trusted key or certificate chaining to a trusted root has the label's certificate id. */
        UNKNOWN_SIGNER("unknown signer"),
        /** A certificate of the signer's chain is revoked, and the revocation voids this label (see {@link Revocation}). */
        REVOKED("revoked"),
        /** A certificate of the signer's chain had expired on the label's production or packaging date. */
        CERTIFICATE_EXPIRED("certificate expired"),
        /** A certificate of the signer's chain was not yet valid on the label's production or packaging date. */
        CERTIFICATE_NOT_YET_VALID("certificate not yet valid"),
        /** The GTIN's company prefix is not one the signer's (or its brand's) certificate lists. */
        NOT_ALLOWED_FOR_GTIN("certificate not allowed for this GTIN"),
        /** The link, an AI value or the AI 8030 value breaks a rule, or the label is unsigned. */
        MALFORMED("malformed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** Lower-case words, e.g. {@code unknown signer}. */
        public String text() {
            return text;
        }
    }
}
