package org.terroir.trace.access;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a client is, for the limits each client has: the subject of its verified bearer token, else
 * its network address (behind a proxy, the address the proxy forwards, with
 * {@code server.forward-headers-strategy}), an IPv6 address by its /64 network, which one household
 * or phone usually holds whole (one client must not become 2^64 by changing its address). Kept in
 * memory only as a salted hash: the limits need to tell clients apart, not to know them.
 */
@Component
public class Clients {

    private final byte[] salt = new byte[16];

    public Clients() {
        new SecureRandom().nextBytes(salt);
    }

    /** The key of the client at {@code address}, or of the token {@code subject} when there is one. */
    public String key(Optional<String> subject, InetAddress address) {
        if (subject.isPresent()) {
            return hash("subject " + subject.get());
        }
        return hash(address == null ? "unknown" : network(address));
    }

    /**
     * The IP address of {@code socket}, without a name lookup: behind a proxy the address Spring reads
     * from {@code X-Forwarded-For} is unresolved, a literal to parse; null when there is none.
     */
    public static InetAddress addressOf(InetSocketAddress socket) {
        if (socket == null) {
            return null;
        }
        if (socket.getAddress() != null) {
            return socket.getAddress();
        }
        String host = socket.getHostString();
        return host == null ? null : NetUtil.createInetAddressFromIpAddressString(
                host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }

    /** The address, or for IPv6 its /64 network, as text. */
    static String network(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return HexFormat.of().formatHex(network, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    private String hash(String client) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(client.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
