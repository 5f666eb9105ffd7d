package org.terroir.trace.trace;

import org.neo4j.driver.Value;

/**
 * A serialised item (SGTIN) as the public trace shows it; its batch and journey are read for many
 * items at once by {@link Batches} and {@link Journeys}.
 *
 * @param key      the item's graph key, e.g. {@code 01/09520011001021/21/LC2601-0001}
 * @param gtin     the GTIN-14 of its product
 * @param serial   the serial number
 * @param batchKey the key of the batch it belongs to, or {@code null} when none is recorded
 */
public record ItemTrace(String key, String gtin, String serial, String batchKey) {

    /** The item of a {@code trace.items} row. */
    static ItemTrace from(org.neo4j.driver.Record row) {
        return new ItemTrace(row.get("key").asString(), text(row.get("gtin")), text(row.get("serial")),
                text(row.get("batch")));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
