package org.terroir.labels.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM (RFC 7468) text, read and written by BouncyCastle's PEM reader and writer (bcpkix's {@code util.io.pem}). */
public final class Pem {

    private Pem() {
    }

    /** {@code -----BEGIN label-----}, the DER in base64 lines of 64, {@code -----END label-----}. */
    public static String encode(String label, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(label, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * The DER of the first block with this label; text around it is ignored.
     *
     * @throws IllegalArgumentException if there is no such block or its base64 is broken
     */
    public static byte[] decode(String label, String pem) {
        List<byte[]> blocks = decodeAll(label, pem);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM block \"" + label + "\" found");
        }
        return blocks.getFirst();
    }

    /**
     * The DER of every block with this label, in order; blocks of other labels and text between
     * blocks are skipped.
     *
     * @throws IllegalArgumentException if a block's base64 is broken, or a block does not end
     */
    public static List<byte[]> decodeAll(String label, String pem) {
        List<byte[]> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (block.getType().equals(label)) {
                    blocks.add(block.getContent());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid PEM: " + e.getMessage(), e);
        }
        return blocks;
    }
}
