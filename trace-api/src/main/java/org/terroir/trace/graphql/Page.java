package org.terroir.trace.graphql;

import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One page of a Relay cursor connection: graphql-java's {@link DefaultConnection} (edges with their
 * cursors, page info) with the two fields our connections add, the page's {@code nodes} and the
 * {@code totalCount} of the whole list, read only when selected. Each cursor holds its entry's
 * natural key ({@link Cursors}); the next page starts after it (keyset pagination).
 *
 * @param <T> what the list holds
 */
public final class Page<T> extends DefaultConnection<T> {

    private final Supplier<Mono<Long>> count;

    private Page(List<Edge<T>> edges, boolean hasNext, boolean hasPrevious, Supplier<Mono<Long>> count) {
        super(edges, new DefaultPageInfo(edges.isEmpty() ? null : edges.getFirst().getCursor(),
                edges.isEmpty() ? null : edges.getLast().getCursor(), hasPrevious, hasNext));
        this.count = count;
    }

    /**
     * The page of {@code entries}, each with the cursor of its natural {@code key}.
     *
     * @param count the count of the whole list, run only when {@code totalCount} is selected
     */
    public static <T> Page<T> of(List<T> entries, Function<? super T, String> key, boolean hasNext, boolean hasPrevious,
                                 Supplier<Mono<Long>> count) {
        List<Edge<T>> edges = new ArrayList<>(entries.size());
        for (T entry : entries) {
            edges.add(new DefaultEdge<>(entry, new DefaultConnectionCursor(Cursors.cursor(key.apply(entry)))));
        }
        return new Page<>(edges, hasNext, hasPrevious, count);
    }

    /**
     * The page of the first {@code first} of {@code rows}, read by a statement that asked for one
     * more: the extra row only says that there is a next page.
     */
    public static <T> Page<T> firstOf(List<T> rows, int first, Function<? super T, String> key, boolean hasPrevious,
                                      Supplier<Mono<Long>> count) {
        boolean more = rows.size() > first;
        return of(more ? rows.subList(0, first) : rows, key, more, hasPrevious, count);
    }

    /** For lists that have no {@code totalCount}. */
    public static Supplier<Mono<Long>> uncounted() {
        return () -> Mono.error(new UnsupportedOperationException("this list has no totalCount"));
    }

    /** This page with each entry mapped, keeping its cursor; entries mapped to null are left out. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        List<Edge<R>> edges = new ArrayList<>(getEdges().size());
        for (Edge<T> edge : getEdges()) {
            R node = mapping.apply(edge.getNode());
            if (node != null) {
                edges.add(new DefaultEdge<>(node, edge.getCursor()));
            }
        }
        return new Page<>(edges, getPageInfo().isHasNextPage(), getPageInfo().isHasPreviousPage(), count);
    }

    /** The entries of the page, without their cursors. */
    public List<T> getNodes() {
        return getEdges().stream().map(Edge::getNode).toList();
    }

    /** The count of the whole list: one statement, run only when the field is selected. */
    public Mono<Long> getTotalCount() {
        return Mono.defer(count);
    }
}
