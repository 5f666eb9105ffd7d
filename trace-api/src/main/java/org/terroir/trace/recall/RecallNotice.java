package org.terroir.trace.recall;

/**
 * A regulator's recall as the API shows it: which batch was recalled, why and when. Who marked it
 * is kept in the graph and the audit log, not shown.
 *
 * @param id            the recall's id
 * @param recalledBatch the key of the batch the regulator recalled (the batch asked about, or one it was made from)
 * @param reason        why
 * @param recalledAt    when, ISO 8601
 */
public record RecallNotice(String id, String recalledBatch, String reason, String recalledAt) {

    static RecallNotice from(org.neo4j.driver.Record row) {
        return new RecallNotice(row.get("id").asString(), row.get(row.containsKey("recalledBatch") ? "recalledBatch" : "batch")
                .asString(), row.get("reason").asString(), row.get("recalledAt").asString());
    }
}
