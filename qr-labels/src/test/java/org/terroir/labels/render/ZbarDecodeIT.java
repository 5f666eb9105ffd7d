package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelVerifier;

/**
 * An independent decoder, {@code zbarimg} (Debian zbar-tools), reads the rendered PNGs back to the
 * signed label, from 2 pixels per module up (at 1 pixel per module it misses some symbols).
 */
class ZbarDecodeIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void requireZbarimg() {
        boolean available;
        try {
            available = new ProcessBuilder("zbarimg", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "zbarimg not found on the PATH: install it (Debian: apt-get install -y zbar-tools) "
                + "to decode rendered QR codes with an independent decoder");
    }

    @ParameterizedTest(name = "level {0}, {1} px per module")
    @CsvSource({"L, 2", "M, 2", "M, 4", "Q, 3", "H, 8"})
    void zbarimgDecodesTheRenderedPngToAGenuineLabel(ErrorCorrection level, int scale) throws Exception {
        DigitalLink label = QrCodeTest.signedLabel();
        Path png = dir.resolve("label.png");
        Files.write(png, QrCode.of(label, level).toPng(scale));

        // stdout holds the decoded text; stderr (e.g. D-Bus noise in containers) is kept apart
        Path errors = dir.resolve("zbarimg.err");
        Process process = new ProcessBuilder("zbarimg", "--quiet", "--raw", png.toString())
                .redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output + Files.readString(errors)).isZero();
        assertThat(output).isEqualTo(label.toUri());
        assertThat(new LabelVerifier(List.of(QrCodeTest.KEY.verificationKey())).verify(output).isGenuine()).isTrue();
    }
}
