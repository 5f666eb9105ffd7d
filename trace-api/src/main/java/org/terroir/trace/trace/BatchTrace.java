package org.terroir.trace.trace;

import java.util.List;
import org.neo4j.driver.Value;

/**
 * A batch (lot) as the public trace shows it, with what one statement reads about it; its
 * producers, inputs and journey are read for many batches at once by {@link Contributions},
 * {@link Inputs} and {@link Journeys}.
 *
 * @param key            the batch's graph key, e.g. {@code 01/09520011001021/10/LC2601}
 * @param gtin           the GTIN-14 of its product
 * @param lot            the lot number
 * @param product        its product, if known
 * @param brand          the brand of its product, if known
 * @param producedAt     where it was produced (commissioned or made), if recorded
 * @param origin         the region of {@code producedAt} and the regions it is part of, nearest first
 * @param certifications the certifications of its product and brand
 */
public record BatchTrace(String key, String gtin, String lot, Product product, Brand brand, Location producedAt,
                         List<Region> origin, List<Certification> certifications) {

    public BatchTrace {
        origin = List.copyOf(origin);
        certifications = List.copyOf(certifications);
    }

    /** The batch of a {@code trace.batches} row. */
    static BatchTrace from(org.neo4j.driver.Record row) {
        return new BatchTrace(row.get("key").asString(), text(row.get("gtin")), text(row.get("lot")),
                Product.from(row.get("product")), Brand.from(row.get("brand")), Location.from(row.get("producedAt")),
                row.get("origin").asList(Region::from), row.get("certifications").asList(Certification::from));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
