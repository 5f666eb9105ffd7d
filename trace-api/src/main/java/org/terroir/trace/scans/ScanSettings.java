package org.terroir.trace.scans;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scans' pace ({@code terroir.scan.*}; docs/scan.md).
 *
 * @param rate  each client's bucket of scans
 * @param flush how often recorded scans are written to the graph
 * @param queue how many scans may wait to be written (beyond, new ones are counted, not kept)
 */
@ConfigurationProperties("terroir.scan")
record ScanSettings(@DefaultValue Rate rate, @DefaultValue("200ms") Duration flush, @DefaultValue("100000") int queue) {

    /** A bucket of {@code burst} scans refilled at {@code perMinute}, kept for the {@code clients} most recent clients. */
    record Rate(@DefaultValue("30") int burst, @DefaultValue("30") int perMinute, @DefaultValue("100000") int clients) {}
}
