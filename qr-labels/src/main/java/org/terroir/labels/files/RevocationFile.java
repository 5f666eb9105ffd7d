package org.terroir.labels.files;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.Revocation;
import org.terroir.labels.SigningKey;

/**
 * The text file {@code terroir keys revoke} writes: four lines of fields, then the issuer's
 * signature (base64url, the algorithm of the issuer's key) over the UTF-8 bytes of those four
 * lines, each ending in a line feed. {@code # } lines are comments.
 *
 * <pre>
 * issuer: CN=Linxia Apple Association
 * serial: 1234567890
 * revoked-at: 2026-11-23T10:00:00Z
 * reason: key-compromise
 * signature: ...
 * </pre>
 */
public final class RevocationFile {

    private RevocationFile() {
    }

    /** The text of a revocation file: a comment line, the four fields, and the issuer's signature over them. */
    public static String sign(Revocation revocation, SigningKey issuerKey) {
        String body = body(revocation);
        byte[] signature = issuerKey.sign(body.getBytes(StandardCharsets.UTF_8));
        return "# Terroir certificate revocation, signed by the certificate's issuer: terroir trust-list create --revocation FILE\n"
                + body + "signature: " + Base64.getUrlEncoder().withoutPadding().encodeToString(signature) + "\n";
    }

    private static String body(Revocation revocation) {
        return "issuer: " + revocation.issuer() + "\nserial: " + revocation.serialNumber() + "\nrevoked-at: "
                + revocation.revokedAt() + "\nreason: " + revocation.reason().text() + "\n";
    }

    /**
     * Reads a revocation and checks that the certificate among {@code issuers} whose subject is
     * the revocation's issuer signed it.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static Revocation read(String name, String text, List<LabelCertificate> issuers) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException(name + ": line \"" + line + "\" is not 'field: value'");
            }
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        for (String field : List.of("issuer", "serial", "revoked-at", "reason", "signature")) {
            if (!fields.containsKey(field)) {
                throw new IllegalArgumentException(name + ": no '" + field + ":' line; is it a file of 'terroir keys revoke'?");
            }
        }
        Revocation revocation;
        try {
            revocation = new Revocation(fields.get("issuer"), new BigInteger(fields.get("serial")),
                    Instant.parse(fields.get("revoked-at")), Revocation.Reason.parse(fields.get("reason")));
        } catch (IllegalArgumentException | DateTimeParseException e) { // a NumberFormatException is one too
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        byte[] signature = Base64.getUrlDecoder().decode(fields.get("signature"));
        byte[] signed = body(revocation).getBytes(StandardCharsets.UTF_8);
        boolean verified = issuers.stream().filter(c -> c.subject().equals(revocation.issuer()))
                .anyMatch(c -> c.publicKey().verify(signed, signature));
        if (!verified) {
            throw new IllegalArgumentException(name + ": not signed by a certificate of its issuer " + revocation.issuer()
                    + " among the certificates given (--root-cert, --cert)");
        }
        return revocation;
    }
}
