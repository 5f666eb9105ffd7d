package org.terroir.trace.scans;

import java.util.Optional;
import org.terroir.labels.Verdict;

/** Whether a scanned label is genuine: the label's signature against the trust list, and what the graph holds. */
sealed interface Authenticity {

    /**
     * A trusted key signed exactly the label's values, and the graph holds the unit.
     *
     * @param signer the signer's certificate name (e.g. a cooperative), when the trust list has certificates
     * @param brand  the brand certificate's name (the association)
     * @param stale  whether the trust list it was judged by is past its next update
     */
    record Genuine(Optional<String> signer, Optional<String> brand, boolean stale) implements Authenticity {}

    /**
     * Not genuine.
     *
     * @param problem why, as a fixed category
     * @param detail  what exactly, in English, for people (never key material)
     */
    record NotGenuine(Problem problem, String detail) implements Authenticity {}

    /**
     * Not checked: the link names a product or a lot, not a unit (only units carry signed labels), or
     * this API has no trust list.
     */
    record Unverified(Why why) implements Authenticity {}

    /**
     * Why a label is not genuine: each of the label verifier's reasons (its words are the verifier's),
     * and what the graph does not hold.
     */
    enum Problem {
        TAMPERED(Verdict.Reason.TAMPERED),
        UNKNOWN_SIGNER(Verdict.Reason.UNKNOWN_SIGNER),
        REVOKED(Verdict.Reason.REVOKED),
        CERTIFICATE_EXPIRED(Verdict.Reason.CERTIFICATE_EXPIRED),
        CERTIFICATE_NOT_YET_VALID(Verdict.Reason.CERTIFICATE_NOT_YET_VALID),
        NOT_ALLOWED_FOR_GTIN(Verdict.Reason.NOT_ALLOWED_FOR_GTIN),
        MALFORMED(Verdict.Reason.MALFORMED),
        /** The label's serial was never recorded for this GTIN. */
        UNKNOWN_SERIAL("unknown serial"),
        /** The lot was never recorded for this GTIN. */
        UNKNOWN_LOT("unknown lot"),
        /** The unit exists, but belongs to another lot than the label says. */
        LOT_MISMATCH("lot does not match");

        private final String text;

        Problem(Verdict.Reason reason) {
            this(reason.text());
        }

        Problem(String text) {
            this.text = text;
        }

        /** The problem of a verifier's reason. */
        static Problem of(Verdict.Reason reason) {
            return valueOf(reason.name());
        }

        /** Lower-case words, e.g. {@code tampered}. */
        String text() {
            return text;
        }
    }

    /** Why a link was not verified. */
    enum Why {
        /** The link names a product only. */
        PRODUCT_LINK,
        /** The link names a lot: lots carry no per-unit signature. */
        LOT_LINK,
        /** This API has no trust list (terroir.trust-list, terroir.trust-roots). */
        NO_TRUST_LIST
    }
}
