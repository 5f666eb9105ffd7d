package org.terroir.trace.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.graphql.data.pagination.Subrange;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgtin;

/** Reads GraphQL arguments into graph-model's typed identifiers, naming the argument when one is invalid. */
public final class Arguments {

    /** The most entries a page of a connection holds. */
    public static final int MAX_PAGE = 100;

    /** How many entries a page holds when {@code first} is null (the schema's default too). */
    public static final int DEFAULT_PAGE = 20;

    private Arguments() {}

    /** The batch of arguments {@code gtin} and {@code lot}. */
    public static Lgtin batch(String gtin, String lot) {
        return new Lgtin(gtin(gtin), lot(lot));
    }

    /** The serialised item of arguments {@code gtin} and {@code serial}. */
    public static Sgtin item(String gtin, String serial) {
        return new Sgtin(gtin(gtin), serial(serial));
    }

    /**
     * The batch ({@link Lgtin}) or item ({@link Sgtin}) a GS1 Digital Link URI (argument {@code uri})
     * names: any host and path prefix, then {@code /01/{gtin}/10/{lot}}, {@code /01/{gtin}/21/{serial}}
     * or {@code /01/{gtin}/10/{lot}/21/{serial}}; query string and fragment are ignored.
     */
    public static EpcIdentifier link(String uri) {
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

    public static Gtin gtin(String value) {
        try {
            return Gtin.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("gtin", e);
        }
    }

    public static LotNumber lot(String value) {
        try {
            return LotNumber.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("lot", e);
        }
    }

    public static SerialNumber serial(String value) {
        try {
            return SerialNumber.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("serial", e);
        }
    }

    /** How many entries a page holds: its {@code first} argument (1 to {@value #MAX_PAGE}), {@value #DEFAULT_PAGE} when null. */
    public static int first(Subrange<?> page) {
        return first(page.count().orElse(DEFAULT_PAGE));
    }

    public static int first(int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidArgumentException("first", new IllegalArgumentException(
                    "a page holds 1 to " + MAX_PAGE + " entries, got " + first));
        }
        return first;
    }

    /** A GLN argument (13 digits, check digit right), or null. */
    public static String gln(String argument, String gln) {
        if (gln == null) {
            return null;
        }
        try {
            return Gln.of(gln).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(argument, e);
        }
    }

    public static String time(String argument, String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(argument, new IllegalArgumentException(
                    "\"" + time + "\" is not an ISO 8601 date-time with offset, e.g. 2026-01-07T00:00:00+08:00"));
        }
    }
}
