package org.terroir.trace.graphql;

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

    public Page(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage, Supplier<Mono<Long>> count) {
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

    /**
     * Where a page of a list in time order starts: after the entry at {@code time} (ISO 8601) with
     * {@code id}. A cursor's key holds it as the time, a space, the id.
     */
    public record TimePosition(String time, String id) {

        /** The cursor key of this position. */
        public String key() {
            return time + " " + id;
        }

        /** The position a cursor's key holds; empty when it holds none. */
        public static Optional<TimePosition> of(String key) {
            int space = key.indexOf(' ');
            if (space < 0 || space == key.length() - 1) {
                return Optional.empty();
            }
            try {
                java.time.OffsetDateTime.parse(key.substring(0, space));
                return Optional.of(new TimePosition(key.substring(0, space), key.substring(space + 1)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A page of a list in time order from the rows of its statement, which asked for one more than
     * {@code first} (the extra row only says there is a next page); each entry's cursor holds its
     * {@link TimePosition}. No count.
     */
    public static <T> Page<T> inTimeOrder(List<org.neo4j.driver.Record> rows, int first, boolean hasPrevious,
                                   java.util.function.Function<org.neo4j.driver.Record, T> entry,
                                   java.util.function.Function<T, TimePosition> position) {
        boolean more = rows.size() > first;
        List<Edge<T>> edges = new java.util.ArrayList<>();
        for (org.neo4j.driver.Record row : more ? rows.subList(0, first) : rows) {
            T node = entry.apply(row);
            edges.add(new Edge<>(cursor(position.apply(node).key()), node));
        }
        return new Page<>(edges, more, hasPrevious, () -> Mono.error(new UnsupportedOperationException("no count")));
    }
}
