package org.terroir.model;

/**
 * A place on the earth in WGS 84 decimal degrees, as a phone's browser and a map give it: where a
 * location is ({@code latitude}, {@code longitude} on its node), or where a scan was made.
 *
 * @param latitude  -90 to 90, north positive
 * @param longitude -180 to 180, east positive
 */
public record GeoPoint(double latitude, double longitude) {

    /** Requires both within their ranges. */
    public GeoPoint {
        latitude = latitude(latitude);
        longitude = longitude(longitude);
    }

    /** A latitude written in decimal degrees, e.g. {@code 25.71}; a clear message when it is not one. */
    public static double latitude(String text) {
        return latitude(number("latitude", "25.71 or -33.87", text));
    }

    /** A longitude written in decimal degrees, e.g. {@code 116.75}; a clear message when it is not one. */
    public static double longitude(String text) {
        return longitude(number("longitude", "116.75 or -70.65", text));
    }

    private static double latitude(double value) {
        if (!(value >= -90 && value <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90 degrees, got " + value);
        }
        return value;
    }

    private static double longitude(double value) {
        if (!(value >= -180 && value <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180 degrees, got " + value);
        }
        return value;
    }

    private static double number(String field, String examples, String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[+-]?\\d{1,3}(\\.\\d{1,12})?")) {
            throw new IllegalArgumentException(field + " must be decimal degrees such as " + examples + ", got \""
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"");
        }
        return Double.parseDouble(value);
    }
}
