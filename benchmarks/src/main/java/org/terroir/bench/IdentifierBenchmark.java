package org.terroir.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.terroir.model.id.EpcIdentifier;

/**
 * The importer normalises every EPC of every event to one graph key. Beside the validating parse,
 * the baseline does only the string work that produces the same key, with no validation at all:
 * the ratio is what validation costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdentifierBenchmark {

    private final String sgtinUrn = "urn:epc:id:sgtin:9520001.000001.SN00042";
    private final String digitalLink = "https://id.terroir.example/01/09520001000010/21/SN00042";

    @Benchmark
    public String sgtinUrnToKey() {
        return EpcIdentifier.parse(sgtinUrn).key();
    }

    @Benchmark
    public String digitalLinkToKey() {
        return EpcIdentifier.parse(digitalLink).key();
    }

    /** Baseline: the same key from the same URN by splitting and concatenating, nothing checked. */
    @Benchmark
    public String baselineUrnSplitNoValidation() {
        String body = sgtinUrn.substring(sgtinUrn.lastIndexOf(':') + 1);
        int first = body.indexOf('.');
        int second = body.indexOf('.', first + 1);
        String prefix = body.substring(0, first);
        String itemRef = body.substring(first + 1, second);
        String gtin13 = itemRef.charAt(0) + prefix + itemRef.substring(1);
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (gtin13.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return "01/" + gtin13 + (10 - sum % 10) % 10 + "/21/" + body.substring(second + 1);
    }

    /** Baseline: the key is the path after the host, taken as it is, nothing checked. */
    @Benchmark
    public String baselineDigitalLinkSubstringNoValidation() {
        return digitalLink.substring(digitalLink.indexOf("/01/") + 1);
    }
}
