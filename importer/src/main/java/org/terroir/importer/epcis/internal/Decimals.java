package org.terroir.importer.epcis.internal;

import java.math.BigDecimal;

/** One form per decimal value: trailing zeros stripped, no exponent for integers. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
