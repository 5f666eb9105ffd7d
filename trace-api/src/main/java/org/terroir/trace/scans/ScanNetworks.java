package org.terroir.trace.scans;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Mono;

/**
 * The network a scan came from, as copy detection counts independent sources: an IPv4 address by its
 * /24, an IPv6 address by its /48 — the networks of one household, shop or phone, which a client
 * cannot leave by dropping a cookie. The graph keeps only an HMAC of it, under a secret made once per
 * graph and kept in it ({@code scans.networkKey}: every server of the graph hashes alike, and without
 * the secret a hash cannot be turned back into the network by trying all 2^24 of them).
 */
@Component
class ScanNetworks {

    private final Mono<byte[]> read;
    private volatile byte[] known;

    ScanNetworks(GraphWriter graph) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.read = graph.write(ScanStatements.SCANS_NETWORK_KEY, Map.of("secret", Base64.getEncoder().encodeToString(secret)))
                .next()
                .map(row -> Base64.getDecoder().decode(row.get("secret").asString()))
                .doOnNext(key -> known = key);
        hash(secret, "0.0.0.0/24"); // loads the MAC's provider now, not on the thread that flushes scans
    }

    /** The network of {@code address}, as text; null when unknown. Held in memory only, until hashed. */
    static String of(InetAddress address) {
        if (address == null) {
            return null;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(Arrays.copyOf(bytes, 6)) + "::/48";
        }
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
    }

    /** The secret to hash networks with: read from the graph (made there if none) once, then kept. */
    Mono<byte[]> key() {
        byte[] key = known;
        return key != null ? Mono.just(key) : read;
    }

    /** What the graph keeps of {@code network}: 96 bits of its HMAC-SHA256 under {@code key}, in hex; null for null. */
    static String hash(byte[] key, String network) {
        if (network == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(network.getBytes(StandardCharsets.US_ASCII)), 0, 12);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
