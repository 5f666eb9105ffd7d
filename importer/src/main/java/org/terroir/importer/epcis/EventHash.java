package org.terroir.importer.epcis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.terroir.importer.epcis.internal.PreHash;
import org.terroir.importer.epcis.model.EpcisEvent;

/**
 * The GS1 EPCIS event hash ID of CBV 2.0, {@code ni:///sha-256;<hex>?ver=CBV2.0}: a stable
 * identifier computed from an event's content, the same for its JSON-LD and XML forms. It gives
 * events without {@code eventID} their id.
 */
public final class EventHash {

    private EventHash() {
    }

    /** The canonical pre-hash string the hash is computed from. */
    public static String preHash(EpcisEvent event) {
        return PreHash.of(event);
    }

    /**
     * The pre-hash string leaving out the event-level user extensions named in {@code ignoredFields}
     * (expanded names, {@code {namespace}local}), for parties that agreed to exclude fields such as
     * a repository's own capture id (the reference implementation's "ignoreFields"). The importer
     * never takes this list from a document.
     */
    public static String preHash(EpcisEvent event, Set<String> ignoredFields) {
        return PreHash.of(event, ignoredFields);
    }

    /** {@code ni:///sha-256;<hex>?ver=CBV2.0} of {@link #preHash(EpcisEvent)}. */
    public static String of(EpcisEvent event) {
        return of(event, Set.of());
    }

    /** {@code ni:///sha-256;<hex>?ver=CBV2.0} of {@link #preHash(EpcisEvent, Set)}. */
    public static String of(EpcisEvent event, Set<String> ignoredFields) {
        return ofPreHash(preHash(event, ignoredFields));
    }

    /** {@code ni:///sha-256;<hex>?ver=CBV2.0} of a pre-hash string already built. */
    public static String ofPreHash(String preHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));
            return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=CBV2.0";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The event's own eventID, or its hash when it has none. */
    public static String idOf(EpcisEvent event) {
        return event.eventId().orElseGet(() -> of(event));
    }
}
