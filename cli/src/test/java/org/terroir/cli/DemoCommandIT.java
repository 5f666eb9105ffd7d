package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terroir demo} never dies for an optional part: what cannot be made is one line, and the rest runs. */
class DemoCommandIT {

    private static TerroirTest.Run demoOnce(Path dataDir) {
        return TerroirTest.run("demo", "--once", "--data-dir", dataDir.toString(), "--bolt-port", "0", "--demo-data", "../demo");
    }

    private static long linesWith(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    void aLabelPkiOrSheetThatCannotBeMadeIsOneLineTheDemoRunsWithoutItAndALaterStartMakesIt(@TempDir Path dataDir)
            throws IOException {
        Files.writeString(dataDir.resolve("demo-pki"), "a file where the demo PKI's folder goes");

        TerroirTest.Run noPki = demoOnce(dataDir);

        assertThat(noPki.exitCode()).as(noPki.err()).isZero();
        assertThat(noPki.out()).contains("Per county:", "Liancheng County 连城县");
        assertThat(linesWith(noPki.out(), "Demo label PKI: not made (" + dataDir.resolve("demo-pki"))).isOne();
        assertThat(noPki.out()).contains("; the rest of the demo runs without demo labels").doesNotContain("\tat ");
        assertThat(noPki.err()).doesNotContain("Exception", "\tat ");

        Files.delete(dataDir.resolve("demo-pki"));
        Files.createDirectories(dataDir.resolve("demo-pki"));
        Files.writeString(dataDir.resolve("demo-pki/sheet"), "a file where the sheet's folder goes");

        TerroirTest.Run noSheet = demoOnce(dataDir);

        assertThat(noSheet.exitCode()).as(noSheet.err()).isZero();
        assertThat(noSheet.out()).contains("Demo label PKI: " + dataDir.resolve("demo-pki"));
        assertThat(linesWith(noSheet.out(), "Demo labels: not all made (label sheet: terroir labels issue: ")).isOne();
        assertThat(dataDir.resolve("demo-pki/labels/labels.txt")).isRegularFile();

        Files.delete(dataDir.resolve("demo-pki/sheet"));

        TerroirTest.Run whole = demoOnce(dataDir);

        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(whole.out()).doesNotContain("not made", "not all made");
        assertThat(dataDir.resolve("demo-pki/sheet").resolve(DemoPki.SHEET)).isRegularFile();
    }
}
