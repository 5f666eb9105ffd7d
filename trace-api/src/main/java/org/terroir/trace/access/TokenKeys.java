package org.terroir.trace.access;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The keys of the API's bearer tokens: EC P-256 (JWS {@code ES256}), the private half in a PKCS#8
 * PEM file that only its owner may read ({@code terroir tokens create-key}), the public half in an
 * SPKI PEM file ({@code PUBLIC KEY}) that the API verifies tokens with
 * ({@code terroir.tokens.public-key}). A public-key file may hold several keys, so that a new key
 * can be added before the old one is retired.
 */
public final class TokenKeys {

    private TokenKeys() {
    }

    /** A new P-256 key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }

    /** The private key as PKCS#8 PEM ({@code PRIVATE KEY}). */
    public static String privatePem(ECPrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The public key as SPKI PEM ({@code PUBLIC KEY}). */
    public static String publicPem(ECPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /**
     * Writes a new key pair as {@code token.key.pem} (readable by its owner only) and
     * {@code token.pub.pem} in {@code dir}; refuses to overwrite either.
     *
     * @return the public-key file
     */
    public static Path write(Path dir, KeyPair pair) throws IOException {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve("token.key.pem");
        Path publicFile = dir.resolve("token.pub.pem");
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file)) {
                throw new IOException(file + " exists already: a token key is never overwritten");
            }
        }
        Files.writeString(privateFile, privatePem((ECPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions: the folder's own protection applies.
        }
        Files.writeString(publicFile, publicPem((ECPublicKey) pair.getPublic()), StandardCharsets.US_ASCII);
        return publicFile;
    }

    /** The P-256 private key of a PKCS#8 PEM file, with the file named in any error. */
    public static ECPrivateKey readPrivate(Path file) throws IOException {
        List<byte[]> blocks = blocks(file, "PRIVATE KEY");
        if (blocks.size() != 1) {
            throw new IOException(file + ": expected one PKCS#8 'PRIVATE KEY' block, found " + blocks.size());
        }
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(blocks.get(0)));
            requireP256(file, key.getParams().getCurve().getField().getFieldSize());
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + ": not an EC private key: " + e.getMessage(), e);
        }
    }

    /** The P-256 public keys of a PEM file of one or more {@code PUBLIC KEY} blocks, with the file named in any error. */
    public static List<ECPublicKey> readPublic(Path file) throws IOException {
        List<byte[]> blocks = blocks(file, "PUBLIC KEY");
        if (blocks.isEmpty()) {
            throw new IOException(file + ": no 'PUBLIC KEY' block");
        }
        List<ECPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            try {
                ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(blocks.get(i)));
                requireP256(file, key.getParams().getCurve().getField().getFieldSize());
                keys.add(key);
            } catch (GeneralSecurityException | ClassCastException e) {
                throw new IOException(file + ": public key " + (i + 1) + " is not an EC key: " + e.getMessage(), e);
            }
        }
        return List.copyOf(keys);
    }

    private static void requireP256(Path file, int fieldSize) throws IOException {
        if (fieldSize != 256) {
            throw new IOException(file + ": the key is on a " + fieldSize + "-bit curve; tokens use P-256 (ES256)");
        }
    }

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (block.getType().equals(type)) {
                    blocks.add(block.getContent());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a PEM file of '" + type + "' blocks: " + e.getMessage(), e);
        }
        return blocks;
    }

    private static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
