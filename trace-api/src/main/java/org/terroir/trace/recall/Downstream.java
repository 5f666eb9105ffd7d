package org.terroir.trace.recall;

import java.util.List;
import org.neo4j.driver.Value;
import org.terroir.trace.neo4j.Fields;
import org.terroir.trace.trace.Location;
import org.terroir.trace.trace.Party;

/**
 * Everything downstream of a batch, as a recall reaches it ({@code trace.downstream}): counts, and
 * the first {@value org.terroir.trace.recall.RecallStatements#DOWNSTREAM_LIST_CAP} of each kind.
 *
 * @param batch      the key of the batch recalled from
 * @param batches    the batches made from it at any depth
 * @param items      the serialised items of it and of those batches
 * @param containers the containers any of them were packed in
 * @param locations  where they were produced, and where their hops left from or arrived at
 * @param parties    the carriers of those hops and the operators of those locations
 */
public record Downstream(String batch, Reached<String> batches, Reached<Item> items, Reached<Container> containers,
                         Reached<Location> locations, Reached<Party> parties) {

    /** How many things of one kind a recall reaches, and the first of them. */
    public record Reached<T>(int totalCount, List<T> nodes) {
        public Reached {
            nodes = List.copyOf(nodes);
        }
    }

    /** A serialised item reached. */
    public record Item(String key, String gtin, String serial) {
        static Item from(Value map) {
            return new Item(map.get("key").asString(), Fields.text(map, "gtin"), Fields.text(map, "serial"));
        }
    }

    /** A container (case, pallet) reached, by its SSCC. */
    public record Container(String key, String sscc) {
        static Container from(Value map) {
            return new Container(map.get("key").asString(), Fields.text(map, "sscc"));
        }
    }

    /** The downstream of a {@code trace.downstream} row. */
    static Downstream from(org.neo4j.driver.Record row) {
        return new Downstream(row.get("batch").asString(),
                new Reached<>(row.get("batchCount").asInt(), row.get("batches").asList(Value::asString)),
                new Reached<>(row.get("itemCount").asInt(), row.get("items").asList(Item::from)),
                new Reached<>(row.get("containerCount").asInt(), row.get("containers").asList(Container::from)),
                new Reached<>(row.get("locationCount").asInt(), row.get("locations").asList(Location::from)),
                new Reached<>(row.get("partyCount").asInt(), row.get("parties").asList(Party::from)));
    }
}
