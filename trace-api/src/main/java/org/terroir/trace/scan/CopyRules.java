package org.terroir.trace.scan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a unit's scans say its label was copied ({@code terroir.copies.*}; docs/scan.md explains each).
 *
 * @param minKm      {@code SPEED}: two placed scans closer than this are never a copy (coarse places, 0.1°)
 * @param maxKmh     {@code SPEED}: no parcel travels faster than this between two scans
 * @param maxDevices {@code DEVICES}: more distinct devices than this scanned one unit
 * @param journeyKm  {@code JOURNEY_END}: a scan farther than this from where the unit's recorded journey ended
 */
@ConfigurationProperties("terroir.copies")
record CopyRules(@DefaultValue("50") double minKm, @DefaultValue("800") double maxKmh, @DefaultValue("5") int maxDevices,
                 @DefaultValue("500") double journeyKm) {

    CopyRules {
        if (!(minKm >= 0) || !(maxKmh > 0) || maxDevices < 1 || !(journeyKm > 0)) {
            throw new IllegalArgumentException("terroir.copies: min-km must be at least 0, max-kmh and journey-km above 0, "
                    + "max-devices at least 1; are " + minKm + ", " + maxKmh + ", " + journeyKm + ", " + maxDevices);
        }
    }
}
