package org.terroir.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@link Location} is, stored as its {@code kind} property. */
public enum LocationKind {

    /** A farm or field of a producer household. */
    FARM("farm"),
    /** A cooperative's collection, grading or packing site. */
    COOPERATIVE("cooperative"),
    /** A processing plant of a cooperative or enterprise. */
    PROCESSOR("processor"),
    /** A village e-commerce service station. */
    VILLAGE_STATION("village_station"),
    /** A township e-commerce service station. */
    TOWNSHIP_STATION("township_station"),
    /** A county e-commerce (operation) centre. */
    COUNTY_STATION("county_station"),
    /** A sorting or distribution hub of an express carrier. */
    CARRIER_HUB("carrier_hub"),
    /** A shop or outlet selling to consumers. */
    RETAIL("retail"),
    /** A warehouse. */
    WAREHOUSE("warehouse");

    private final String value;

    LocationKind(String value) {
        this.value = value;
    }

    /** The value of the {@code kind} property, e.g. {@code village_station}. */
    public String value() {
        return value;
    }

    /** The kind of a {@code kind} property value. */
    public static LocationKind fromValue(String value) {
        Check.present("LocationKind", value);
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst()
                .orElseThrow(() -> Check.invalid("LocationKind", value, "one of "
                        + Arrays.stream(values()).map(LocationKind::value).collect(Collectors.joining(", "))));
    }
}
