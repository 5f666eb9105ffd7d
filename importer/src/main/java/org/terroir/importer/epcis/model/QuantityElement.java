package org.terroir.importer.epcis.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A quantity of a class of objects.
 *
 * @param quantity with trailing zeros stripped, so {@code 200} and {@code 200.0} are equal
 * @param uom      UN/CEFACT Rec. 20 unit code, e.g. {@code KGM}; absent means a count
 */
public record QuantityElement(Epc epcClass, Optional<BigDecimal> quantity, Optional<String> uom) {

    public QuantityElement {
        quantity = quantity.map(QuantityElement::normalise);
    }

    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
