package org.terroir.model;

import java.util.Arrays;

/** Whether a {@link Brand} is a regional public brand or a registered geographical indication. */
public enum BrandKind {

    /** A regional public brand (区域公用品牌) run by an association, without GI registration. */
    REGIONAL("regional"),
    /** A protected geographical-indication product or GI certification mark (地理标志), with its registration. */
    GI("gi");

    private final String value;

    BrandKind(String value) {
        this.value = value;
    }

    /** The value of the {@code kind} property. */
    public String value() {
        return value;
    }

    /** The kind of a {@code kind} property value. */
    public static BrandKind fromValue(String value) {
        Check.present("BrandKind", value);
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst()
                .orElseThrow(() -> Check.invalid("BrandKind", value, "regional or gi"));
    }
}
