package org.terroir.trace.neo4j;

import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import reactor.core.publisher.Flux;

/**
 * Runs the few statements the API writes (a regulator's recall) in write transactions of the
 * driver's reactive sessions, which a cluster routes to its leader, in the {@link Bulkhead permit} of the
 * request they serve (the scan recorder's background writes serve no request and take none).
 */
@Component
public class GraphWriter {

    private final Transactions transactions;

    public GraphWriter(Driver driver, RequestTimeout timeout, Bulkhead bulkhead) {
        this.transactions = new Transactions(Objects.requireNonNull(driver, "driver"), AccessMode.WRITE, timeout.timeout(),
                Objects.requireNonNull(bulkhead, "bulkhead"));
    }

    /** The rows {@code statement} returns for {@code parameters}, which must name exactly the statement's parameters. */
    public Flux<org.neo4j.driver.Record> write(Statement statement, Map<String, Object> parameters) {
        return transactions.run(statement, parameters);
    }
}
