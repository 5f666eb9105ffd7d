package org.terroir.model;

/** What a {@link Certification} attests, stored as its {@code kind} property (the constant's name). */
public enum CertificationKind {

    /** Geographical indication: a GI product or certification mark registration. */
    GI,
    /** Green food (绿色食品) certification. */
    GREEN_FOOD,
    /** Organic product (有机产品) certification. */
    ORGANIC,
    /** Halal (清真) certification. */
    HALAL
}
