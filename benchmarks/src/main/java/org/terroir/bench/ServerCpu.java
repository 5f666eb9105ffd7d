package org.terroir.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a serving process has used so far: read before and after a measured phase, the
 * difference is what the server spent on that phase's requests (with whatever else it did meanwhile),
 * the fairest figure on a machine whose cores the clients share.
 */
@FunctionalInterface
interface ServerCpu {

    /** No process watched: every reading is NaN, and so is every figure made from one. */
    ServerCpu UNKNOWN = () -> Double.NaN;

    /** Milliseconds of CPU time used so far, user and system; NaN when not known. */
    double millis();

    /** The process {@code pid} on this machine, read from {@code /proc/PID/stat}. */
    static ServerCpu of(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id is positive, got " + pid);
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return () -> {
            try {
                String line = Files.readString(stat);
                // After "pid (comm) " (comm may hold spaces and parentheses): state is field 3, utime field 14,
                // stime field 15, in clock ticks of 10 ms.
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CPU time of process " + pid + " from " + stat, e);
            }
        };
    }
}
