package org.terroir.trace.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code GS1-Signature} of a subscription's report: {@code sha256=} and the lowercase hex
 * HMAC-SHA256 of the body's bytes keyed with the UTF-8 bytes of the subscription's
 * {@code signatureToken}. The notifier signs with it; a receiver (the demo's) checks with it.
 */
public final class ReportSignature {

    private ReportSignature() {
    }

    /** The signature of {@code body} with {@code secret}. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} (a received header, null when there was none) is that of {@code body}, compared in constant time. */
    public static boolean matches(String signature, String secret, byte[] body) {
        return signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                of(secret, body).getBytes(StandardCharsets.UTF_8));
    }
}
