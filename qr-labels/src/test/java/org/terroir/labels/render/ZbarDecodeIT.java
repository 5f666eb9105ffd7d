package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;

/**
 * An independent decoder, {@code zbarimg} (Debian zbar-tools), reads the rendered PNGs back to the
 * signed label, from 2 pixels per module up (at 1 pixel per module it misses some symbols), and
 * every QR code of a PDF sheet printed at 300 dpi.
 */
class ZbarDecodeIT {

    @TempDir
    Path dir;

    private static Boolean zbarimgRuns;

    /** Each test is reported skipped, saying what to install, where zbarimg is missing. */
    @BeforeEach
    void requireZbarimg() {
        if (zbarimgRuns == null) {
            try {
                zbarimgRuns = new ProcessBuilder("zbarimg", "--version").redirectErrorStream(true).start().waitFor() == 0;
            } catch (IOException e) {
                zbarimgRuns = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                zbarimgRuns = false;
            }
        }
        assumeTrue(zbarimgRuns, "zbarimg not found on the PATH: install it (Debian: apt-get install -y zbar-tools) "
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

    @Test
    void zbarimgDecodesEveryQrCodeOfAPdfSheetPrintedAt300Dpi() throws Exception {
        LabelSigner signer = new LabelSigner(QrCodeTest.KEY);
        List<DigitalLink> labels = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            labels.add(signer.sign(DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L2611A/21/S" + i + "?11=261120")));
        }
        byte[] pdf = LabelSheet.withBundledFonts().render(labels,
                new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果 5公斤", "Bingtangxin apples 5 kg", true));

        Set<String> decoded = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                Path png = dir.resolve("page-" + (page + 1) + ".png");
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 300, ImageType.GRAY), "png", png.toFile());
                decoded.addAll(zbarimg(png));
            }
        }
        assertThat(decoded).isEqualTo(labels.stream().map(DigitalLink::toUri).collect(Collectors.toSet()));
        LabelVerifier verifier = new LabelVerifier(List.of(QrCodeTest.KEY.verificationKey()));
        assertThat(decoded).allMatch(uri -> verifier.verify(uri).isGenuine());
    }

    /** The texts of every QR code zbarimg finds in an image, one a line. */
    private List<String> zbarimg(Path png) throws IOException, InterruptedException {
        Path errors = dir.resolve("zbarimg.err");
        Process process = new ProcessBuilder("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString())
                .redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output + Files.readString(errors)).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
