package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.importer.PseudonymSalts;
import org.terroir.importer.masterdata.MasterData;
import org.terroir.importer.masterdata.MasterDataReader;
import org.terroir.labels.render.FontFolders;

/**
 * The demo's label PKI and labels on a machine without any system font (the font search path made
 * empty): the PDF sheet is printed with the fonts shipped with the program, in Chinese and English,
 * and a part that cannot be made is one line, not the end of the demo.
 */
class DemoPkiTest {

    private static final Path DEMO = Path.of("..", "demo", "master-data");

    @TempDir
    Path dataDir;

    private String fontPath;

    /** No system font at all: the font search path is empty for this test. */
    @BeforeEach
    void noSystemFonts() {
        fontPath = System.getProperty(FontFolders.PROPERTY);
        System.setProperty(FontFolders.PROPERTY, "");
    }

    @AfterEach
    void restoreFonts() {
        if (fontPath == null) {
            System.clearProperty(FontFolders.PROPERTY);
        } else {
            System.setProperty(FontFolders.PROPERTY, fontPath);
        }
    }

    private MasterData demoData() throws IOException {
        try (Stream<Path> files = Files.list(DEMO)) {
            return new MasterDataReader(PseudonymSalts.load(dataDir))
                    .read(files.filter(f -> f.toString().endsWith(".csv")).sorted().toList());
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The lines of the first label of the sheet (top left, 10 mm from the edges, 3 × 8 on A4). */
    private static List<String> firstLabel(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            stripper.addRegion("first", new Rectangle2D.Float(28f, 28f, (595.28f - 56f) / 3, (841.89f - 56f) / 8));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("first").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    @Test
    void withoutAnySystemFontTheDemoSheetIsPrintedWithTheBundledFontsProductNameInChineseFirst() throws IOException {
        assertThat(FontFolders.fromEnvironment().folders()).as("no font folder to search").isEmpty();

        DemoPki pki = DemoPki.ensure(dataDir, demoData());

        assertThat(pki.problem()).isEmpty();
        assertThat(pki.labels()).hasSize(5);
        Path sheet = pki.sheet().orElseThrow();
        assertThat(firstLabel(sheet)).as("the first label, line by line").containsExactly("连城地瓜干 500克",
                "Liancheng dried sweet", "potato, 500 g", "连城地瓜干", "Liancheng Dried Sweet Potato", "批号 Lot LC2601",
                "序列号 S/N LC2601-0001", "扫码验真 Scan to verify", "地理标志产品 GI");
        assertThat(text(sheet)).contains("序列号 S/N LC2601-0005").doesNotContain("Exp.", "有效期", "…", "GTIN");
        try (PDDocument document = Loader.loadPDF(sheet.toFile())) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSans.*");
            }
        }
    }

    @Test
    void withoutAnySystemFontTheSystemFontChoiceSaysWhatIsMissingOnOneLine() throws IOException {
        DemoPki pki = DemoPki.ensure(dataDir, demoData());
        Path signer = dataDir.resolve("demo-pki/association-9520011000017");

        TerroirTest.Run run = TerroirTest.run("labels", "issue", "--gtin", "09520011001021", "--lot", "L1", "--count", "1",
                "--date", "2026-01-07", "--key", signer.resolve("signer.key.pem").toString(),
                "--cert", signer.resolve("signer.cert.pem").toString(), "--host", DemoPki.HOST,
                "--out", dataDir.resolve("system/sheet.pdf").toString(), "--font", "system");

        assertThat(pki.problem()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err()).startsWith("terroir: --font system: no CJK font").contains("no font folder", "fonts-droid-fallback");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(dataDir.resolve("system/sheet.pdf")).doesNotExist();
    }

    @Test
    void aSheetThatCannotBeMadeIsOneLineTheLabelsStillComeAndTheNextStartMakesIt() throws IOException {
        Path blocked = Files.createDirectories(dataDir.resolve("demo-pki")).resolve("sheet");
        Files.writeString(blocked, "a file where the sheet's folder goes");

        DemoPki first = DemoPki.ensure(dataDir, demoData());

        assertThat(first.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("label sheet: terroir labels issue: ").doesNotContain("\n", "\tat "));
        assertThat(first.sheet()).isEmpty();
        assertThat(first.labels()).hasSize(5);
        assertThat(first.trustList()).isRegularFile();

        Files.delete(blocked);
        DemoPki again = DemoPki.ensure(dataDir, demoData());

        assertThat(again.problem()).isEmpty();
        assertThat(again.labels()).isEqualTo(first.labels());
        assertThat(text(again.sheet().orElseThrow())).contains("连城地瓜干 500克");
    }

    @Test
    void zbarimgReadsEveryQrCodeOfTheDemoSheetAt300DpiAsTheIssuedLabels() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")),
                "zbarimg not found at /usr/bin/zbarimg: install it (Debian: apt-get install -y zbar-tools) to decode the sheet");
        DemoPki pki = DemoPki.ensure(dataDir, demoData());
        Path sheet = pki.sheet().orElseThrow();
        Path png = dataDir.resolve("sheet-page-1.png");
        try (PDDocument document = Loader.loadPDF(sheet.toFile())) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY), "png", png.toFile());
        }
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "demo-label-sheet-page-1.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Process zbar = new ProcessBuilder("/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String decoded = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(zbar.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> links = new ArrayList<>(decoded.lines().filter(line -> !line.isBlank()).toList());
        assertThat(links).containsExactlyInAnyOrderElementsOf(
                Files.readAllLines(sheet.resolveSibling(org.terroir.cli.labels.LabelsCommand.URIS)));
        assertThat(links).containsExactlyInAnyOrderElementsOf(pki.labels());
    }
}
