package org.terroir.trace.graphql;

import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;

/** Reads GraphQL arguments into graph-model's typed identifiers, naming the argument when one is invalid. */
final class Arguments {

    private Arguments() {}

    /** The batch of arguments {@code gtin} and {@code lot}. */
    static Lgtin batch(String gtin, String lot) {
        return new Lgtin(gtin(gtin), lot(lot));
    }

    private static Gtin gtin(String value) {
        try {
            return Gtin.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("gtin", e);
        }
    }

    private static LotNumber lot(String value) {
        try {
            return LotNumber.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("lot", e);
        }
    }
}
