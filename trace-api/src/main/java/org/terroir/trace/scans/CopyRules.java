package org.terroir.trace.scans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a unit's scans say its label was copied ({@code terroir.copies.*}; docs/scan.md explains each).
 *
 * @param minKm      {@code SPEED}: two placed scans closer than this are never a copy (coarse places, 0.1°)
 * @param maxKmh     {@code SPEED}: no parcel travels faster than this between two scans
 * @param maxDevices {@code DEVICES}: more distinct devices than this scanned one unit
 * @param journeyKm  {@code JOURNEY_END}: a scan farther than this from where the unit's recorded journey ended
 * @param journeyNetworks {@code JOURNEY_END}: consumers are warned once far scans came from this many networks
 */
@ConfigurationProperties("terroir.copies")
record CopyRules(@DefaultValue("50") double minKm, @DefaultValue("800") double maxKmh, @DefaultValue("5") int maxDevices,
                 @DefaultValue("500") double journeyKm, @DefaultValue("2") int journeyNetworks) {

    CopyRules {
        if (!(minKm >= 0) || !(maxKmh > 0) || maxDevices < 1 || !(journeyKm > 0) || journeyNetworks < 2) {
            throw new IllegalArgumentException("terroir.copies: min-km must be at least 0, max-kmh and journey-km above 0, "
                    + "max-devices at least 1, journey-networks at least 2 (one client is one network); are " + minKm + ", "
                    + maxKmh + ", " + journeyKm + ", " + maxDevices + ", " + journeyNetworks);
        }
    }
}
