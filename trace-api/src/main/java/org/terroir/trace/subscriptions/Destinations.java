package org.terroir.trace.subscriptions;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where reports may be sent: an {@code https} URL whose host is on the public internet, not on the
 * loopback, a private or link-local network, the carrier-grade NAT range or a multicast group (a
 * subscriber must not make the server call into its own network). Checked when a subscription is
 * made and again before each attempt (a name may come to point elsewhere). With
 * {@code terroir.subscriptions.allow-local-destinations}, {@code http} and local hosts are taken too.
 */
final class Destinations {

    private Destinations() {
    }

    /** Why {@code dest} may not receive reports, or null when it may. */
    static String refusal(String dest, boolean allowLocal) {
        URI uri;
        try {
            uri = new URI(dest);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return "an https URL with a host, no user and no fragment";
        }
        if (allowLocal) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "reports go over https only";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "its host " + uri.getHost() + " has no address";
        }
        for (InetAddress address : addresses) {
            if (local(address)) {
                return "its host " + uri.getHost() + " is on a local or private network (" + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    private static boolean local(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
                    || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
}
