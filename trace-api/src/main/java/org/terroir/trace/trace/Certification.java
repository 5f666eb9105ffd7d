package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.model.CertificationKind;
import org.terroir.trace.neo4j.Fields;

/**
 * A certificate of a batch's product or brand.
 *
 * @param id         the certification's id
 * @param kind       what it attests
 * @param number     the certificate number as printed
 * @param issuer     who issued it
 * @param validFrom  the first day it is valid, ISO 8601 ({@code 2020-01-01})
 * @param validUntil the last day it is valid; {@code null} if open-ended
 * @param subject    whether it certifies the product or the brand
 */
public record Certification(String id, CertificationKind kind, String number, String issuer, String validFrom,
                            String validUntil, Subject subject) {

    /** What a certification of a trace certifies. */
    public enum Subject {
        /** The batch's product. */
        PRODUCT,
        /** The brand of the batch's product. */
        BRAND
    }

    /** The certification of a {@code {id, kind, number, issuer, validFrom, validUntil, subject}} map. */
    public static Certification from(Value map) {
        return new Certification(Fields.text(map, "id"), Fields.parsed(map, "kind", CertificationKind::valueOf),
                Fields.text(map, "number"), Fields.text(map, "issuer"), date(map.get("validFrom")),
                date(map.get("validUntil")), Subject.valueOf(map.get("subject").asString()));
    }

    private static String date(Value value) {
        return value.isNull() ? null : value.asLocalDate().toString();
    }
}
