package org.terroir.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terroir.bench.ClosedLoops.Result;
import org.terroir.bench.ClosedLoops.Turns;

class ClosedLoopsTest {

    private static Result round(String side, long requests, long... latenciesMillis) {
        long[] nanos = new long[latenciesMillis.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = latenciesMillis[i] * 1_000_000;
        }
        return new Result("trace", side, 16, requests, 0, 10.0, nanos, requests * 2.0);
    }

    @Test
    void turnsSplitTheRoundsBySideInTheOrderTheyRan() {
        Result a1 = round("100k", 100, 10);
        Result b1 = round("1M", 50, 20);
        Result a2 = round("100k", 200, 30);
        Result b2 = round("1M", 300, 40);

        Turns turns = Turns.of(List.of(a1, b1, a2, b2), 2);

        assertThat(turns.side(0)).containsExactly(a1, a2);
        assertThat(turns.side(1)).containsExactly(b1, b2);
        assertThat(turns.ratios(1, 0, Result::perSecond)).containsExactly("0.50", "1.50");
        assertThat(turns.ratios(1, 0, r -> r.percentileMillis(99))).containsExactly("2.00", "1.33");
        assertThat(turns.rounds()).isEqualTo("2 × 10 s");
    }

    @Test
    void turnsOfThreeSidesKeepEachSidesRoundsApart() {
        Result s1 = round("statement", 400, 5);
        Result d1 = round("driver", 200, 10);
        Result g1 = round("graphql", 100, 20);
        Result s2 = round("statement", 500, 4);
        Result d2 = round("driver", 250, 8);
        Result g2 = round("graphql", 250, 16);

        Turns turns = Turns.of(List.of(s1, d1, g1, s2, d2, g2), 3);

        assertThat(turns.side(1)).containsExactly(d1, d2);
        assertThat(turns.pooled(2).requests()).isEqualTo(350);
        assertThat(turns.ratios(2, 0, Result::perSecond)).containsExactly("0.25", "0.50");
        assertThat(turns.ratios(1, 0, Result::perSecond)).containsExactly("0.50", "0.50");
    }

    @Test
    void roundsThatAreNotWholeTurnsAreRefused() {
        Result a = round("a", 1, 1);
        assertThatThrownBy(() -> Turns.of(List.of(a, a), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 sides");
    }

    @Test
    void aPooledResultTakesItsPercentilesOverEveryRoundsLatencies() {
        Result pooled = Result.pooled(List.of(round("1M", 3, 1, 2, 3), round("1M", 2, 100, 4)));

        assertThat(pooled.requests()).isEqualTo(5);
        assertThat(pooled.perSecond()).isEqualTo(0.25);
        assertThat(pooled.percentileMillis(50)).isEqualTo(3.0);
        assertThat(pooled.percentileMillis(99)).isEqualTo(100.0);
        assertThat(pooled.serverCpuMillis()).isEqualTo(10.0);
        assertThat(pooled.cpuPerRequest()).isEqualTo(2.0);
    }
}
