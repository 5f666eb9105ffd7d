package org.terroir.trace.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One page of a Relay cursor connection: its entries with their cursors, where it stands, and the
 * count of the whole list, read only if asked for. Cursors are opaque: the entry's natural key,
 * versioned and Base64url-encoded; the next page starts after it (keyset pagination).
 *
 * @param <T> what the list holds
 */
public final class Page<T> {

    /** One entry and its cursor. */
    public record Edge<T>(String cursor, T node) {}

    /** Where a page stands. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    private static final String VERSION = "v1:";

    private final List<Edge<T>> edges;
    private final PageInfo pageInfo;
    private final Supplier<Mono<Long>> count;

    Page(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage, Supplier<Mono<Long>> count) {
        this.edges = List.copyOf(edges);
        this.pageInfo = new PageInfo(hasNextPage, hasPreviousPage,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        this.count = count;
    }

    public List<Edge<T>> getEdges() {
        return edges;
    }

    public List<T> getNodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public PageInfo getPageInfo() {
        return pageInfo;
    }

    /** The count of the whole list: one statement, run only when the field is selected. */
    public Mono<Long> getTotalCount() {
        return Mono.defer(count);
    }

    /** The cursor of an entry with this natural key. */
    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The natural key a cursor of {@link #cursor} holds; empty when it is not one. */
    public static Optional<String> key(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(VERSION) ? Optional.of(text.substring(VERSION.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
