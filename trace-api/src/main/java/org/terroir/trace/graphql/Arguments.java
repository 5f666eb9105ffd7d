package org.terroir.trace.graphql;

import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgtin;

/** Reads GraphQL arguments into graph-model's typed identifiers, naming the argument when one is invalid. */
final class Arguments {

    private Arguments() {}

    /** The batch of arguments {@code gtin} and {@code lot}. */
    static Lgtin batch(String gtin, String lot) {
        return new Lgtin(gtin(gtin), lot(lot));
    }

    /** The serialised item of arguments {@code gtin} and {@code serial}. */
    static Sgtin item(String gtin, String serial) {
        return new Sgtin(gtin(gtin), serial(serial));
    }

    /**
     * The batch ({@link Lgtin}) or item ({@link Sgtin}) a GS1 Digital Link URI (argument {@code uri})
     * names: any host and path prefix, then {@code /01/{gtin}/10/{lot}}, {@code /01/{gtin}/21/{serial}}
     * or {@code /01/{gtin}/10/{lot}/21/{serial}}; query string and fragment are ignored.
     */
    static EpcIdentifier link(String uri) {
        EpcIdentifier id;
        try {
            id = EpcIdentifier.parseDigitalLink(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("uri", e);
        }
        return switch (id) {
            case Lgtin batch -> batch;
            case Sgtin item -> item;
            default -> throw new InvalidArgumentException("uri", new IllegalArgumentException(
                    "GS1 Digital Link \"" + uri + "\" names " + id.key()
                            + ", neither a batch (/01/{gtin}/10/{lot}) nor an item (/01/{gtin}/21/{serial})"));
        };
    }

    static Gtin gtin(String value) {
        try {
            return Gtin.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("gtin", e);
        }
    }

    static LotNumber lot(String value) {
        try {
            return LotNumber.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("lot", e);
        }
    }

    static SerialNumber serial(String value) {
        try {
            return SerialNumber.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("serial", e);
        }
    }
}
