package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;

class LabelSheetTest {

    private static final LabelText TEXT = new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果 5公斤", "Bingtangxin apples 5 kg", true);

    private static LabelSheet sheet;

    @BeforeAll
    static void bundledFonts() {
        sheet = LabelSheet.withBundledFonts();
    }

    /** A font shipped with the program, as the file the build put on the test class path. */
    static Path bundled(String file) {
        try {
            return Path.of(LabelSheet.class.getResource("fonts/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DigitalLink> labels(int count) {
        return labels(count, "?11=261120&17=270500");
    }

    private static List<DigitalLink> labels(int count, String dates) {
        LabelSigner signer = new LabelSigner(QrCodeTest.KEY);
        List<DigitalLink> labels = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            labels.add(signer.sign(DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L2611A/21/S"
                    + String.format("%06d", i) + dates)));
        }
        return labels;
    }

    /** The text of a PDF, line by line from the top of each page, blank lines left out. */
    static List<String> lines(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    @Test
    void printsTwentyFourLabelsPerA4PageWithChineseAndEnglishTextAndTheBundledFontsEmbeddedAsSubsets() throws Exception {
        List<DigitalLink> labels = labels(30);
        byte[] pdf = sheet.render(labels, TEXT);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("冰糖心苹果 5公斤", "Bingtangxin apples 5 kg", "临夏苹果 Linxia Apples", "批号 Lot L2611A",
                    "序列号 S/N S000001", "序列号 S/N S000030", "有效期至 Exp. 2027-05", "扫码验真 Scan to verify", "地理标志产品 GI");
            List<String> names = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                names.add(font.getName());
            }
            assertThat(names).allMatch(name -> name.matches("[A-Z]{6}\\+NotoSans.*"), "subsets of the bundled fonts");
        }
        assertThat(pdf.length).as("subsets, not the 10 MB font").isLessThan(400_000);
        assertThat(sheet.fonts()).containsExactly("NotoSans-Regular.ttf (bundled)", "NotoSansSC-Regular.ttf (bundled)");
    }

    @Test
    void aShopperReadsTheChineseProductNameFirstThenEnglishThenTheBrandTheLabelsDataAndHowToCheckIt() throws Exception {
        byte[] pdf = sheet.render(labels(1), new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果", "Bingtangxin apples", true));

        assertThat(lines(pdf)).containsExactly("冰糖心苹果", "Bingtangxin apples", "临夏苹果 Linxia Apples", "批号 Lot L2611A",
                "序列号 S/N S000001", "有效期至 Exp. 2027-05", "扫码验真 Scan to verify", "地理标志产品 GI");
    }

    @Test
    void theExpiryIsPrintedOnlyWhenTheLabelHasOne() throws Exception {
        byte[] pdf = sheet.render(labels(1, "?11=261120"), new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果", "", false));

        assertThat(lines(pdf)).containsSubsequence("冰糖心苹果", "临夏苹果 Linxia Apples", "批号 Lot L2611A", "序列号 S/N S000001",
                "扫码验真 Scan to verify").noneMatch(line -> line.contains("有效期") || line.contains("Exp"))
                .noneMatch(line -> line.contains("GI"));
    }

    @Test
    void aLongBrandAndProductArePrintedWholeWrappedOrSmallerInsideTheirLabelNeverCut() throws Exception {
        String brand = "张家川回族自治县清真牛羊肉产业协会 Zhangjiachuan Hui Autonomous County Halal Beef and Mutton Association";
        String product = "连城红心地瓜（鲜薯，散装）二十五公斤装礼盒";
        String productEn = "Liancheng red-heart sweet potatoes, fresh, bulk, in a 25 kg gift box";
        byte[] pdf = sheet.render(labels(1), new LabelText(brand, product, productEn, true));

        String text = String.join(" ", lines(pdf));
        assertThat(text.replaceAll("\\s", "")).contains(brand.replaceAll("\\s", ""), product, productEn.replaceAll("\\s", ""));
        assertThat(text).doesNotContain("…").contains("扫码验真 Scan to verify", "地理标志产品 GI");
        assertThat(String.join("|", lines(pdf))).as("the Chinese and the English part of the brand on lines of their own")
                .contains("张家川回族自治县清真牛羊肉产业协会|Zhangjiachuan");
        // Every character lies inside the first label's cell, right of its QR code.
        float cellRight = 28f + (595.28f - 56f) / LabelSheet.COLUMNS;
        float cellBottom = 28f + (841.89f - 56f) / LabelSheet.ROWS; // from the top of the page
        List<TextPosition> positions = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> textPositions) {
                    positions.addAll(textPositions);
                }
            };
            stripper.getText(document);
        }
        assertThat(positions).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getXDirAdj()).as(p.getUnicode()).isGreaterThan(28f + 84f);
            assertThat(p.getXDirAdj() + p.getWidthDirAdj()).as(p.getUnicode()).isLessThan(cellRight);
            assertThat(p.getYDirAdj()).as(p.getUnicode()).isGreaterThan(28f).isLessThan(cellBottom);
        });
    }

    @Test
    void textThatCannotFitEvenSmallIsRefusedNamingIt() {
        String brand = "临夏回族自治州苹果产业协会".repeat(20);
        assertThatThrownBy(() -> sheet.render(labels(1), new LabelText(brand, "冰糖心苹果", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit beside the QR code")
                .hasMessageContaining(brand);
    }

    @Test
    void theSameLabelsGiveTheSameBytes() {
        List<DigitalLink> labels = labels(5);
        assertThat(LabelSheet.withBundledFonts().render(labels, TEXT)).isEqualTo(sheet.render(labels, TEXT));
    }

    @Test
    void theTextDrawnOnceForEveryLabelUsesTheDocumentsEmbeddedSubsetsAndPdfBoxWarnsOfNothing() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger pdfBox = Logger.getLogger("org.apache.pdfbox");
        pdfBox.addHandler(handler);
        byte[] pdf;
        try {
            pdf = sheet.render(labels(3), TEXT);
        } finally {
            pdfBox.removeHandler(handler);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources page = document.getPage(0).getResources();
            List<PDFont> formFonts = new ArrayList<>();
            for (COSName name : page.getXObjectNames()) {
                if (page.getXObject(name) instanceof PDFormXObject form) {
                    for (COSName font : form.getResources().getFontNames()) {
                        formFonts.add(form.getResources().getFont(font));
                    }
                }
            }
            assertThat(formFonts).as("fonts of the brand and product text, drawn once").isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
            });
        }
    }

    @Test
    void everyQrCodeOnThePrintedPageDecodesToAGenuineLabel() throws Exception {
        List<DigitalLink> labels = labels(24);
        byte[] pdf = sheet.render(labels, TEXT);
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
        Path out = Path.of("target", "label-sheet-page-1.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(page, "png", out.toFile()); // for people to look at

        var results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        Set<String> decoded = Arrays.stream(results).map(r -> r.getText()).collect(Collectors.toSet());
        assertThat(decoded).isEqualTo(labels.stream().map(DigitalLink::toUri).collect(Collectors.toSet()));
        LabelVerifier verifier = new LabelVerifier(List.of(QrCodeTest.KEY.verificationKey()));
        assertThat(decoded).allMatch(uri -> verifier.verify(uri).isGenuine());
    }

    @Test
    void oneSheetWriterPrintsOneDocumentAfterAnotherAndFromSeveralThreads() throws Exception {
        LabelText other = new LabelText("会宁小米 Huining Millet", "黄小米 2公斤", "yellow millet 2 kg", false);
        List<byte[]> pdfs = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> sheet.render(labels(3 + i), i % 2 == 0 ? TEXT : other)).toList();
        for (int i = 0; i < pdfs.size(); i++) {
            try (PDDocument document = Loader.loadPDF(pdfs.get(i))) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(i % 2 == 0 ? "冰糖心苹果" : "yellow millet 2 kg", "序列号 S/N S00000" + (3 + i));
                assertThat(text).doesNotContain(i % 2 == 0 ? "会宁" : "临夏");
            }
        }
    }

    @Test
    void withNoSystemFontAtAllTheBundledFontsStillPrintChinese() throws Exception {
        FontFolders none = FontFolders.of();
        assertThatThrownBy(() -> LabelSheet.withSystemFonts(none)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no CJK font").hasMessageContaining("no font folder")
                .hasMessageContaining("fonts-droid-fallback");

        String previous = System.getProperty(FontFolders.PROPERTY);
        System.setProperty(FontFolders.PROPERTY, "");
        try {
            assertThat(FontFolders.fromEnvironment().folders()).isEmpty();
            assertThat(lines(LabelSheet.withBundledFonts().render(labels(1), TEXT))).contains("冰糖心苹果 5公斤", "临夏苹果 Linxia Apples");
        } finally {
            if (previous == null) {
                System.clearProperty(FontFolders.PROPERTY);
            } else {
                System.setProperty(FontFolders.PROPERTY, previous);
            }
        }
    }

    @Test
    void systemFontsAreFoundByNameUnderTheFontFolders(@TempDir Path folder) throws Exception {
        Path cjk = Files.createDirectories(folder.resolve("truetype/noto")).resolve("NotoSansSC-Regular.ttf");
        Files.copy(bundled("NotoSansSC-Regular.ttf"), cjk);

        LabelSheet system = LabelSheet.withSystemFonts(FontFolders.of(folder.resolve("absent"), folder));

        assertThat(system.fonts()).containsExactly(cjk.toString());
        assertThat(lines(system.render(labels(1), TEXT))).contains("冰糖心苹果 5公斤", "临夏苹果 Linxia Apples");
    }

    @Test
    void theBundledFontsShipWithTheirLicence() throws IOException {
        for (String licence : List.of("NotoSans-OFL.txt", "NotoSansSC-OFL.txt")) {
            try (var in = LabelSheet.class.getResourceAsStream("fonts/" + licence)) {
                assertThat(in).as(licence).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(licence)
                        .contains("SIL Open Font License, Version 1.1");
            }
        }
    }

    @Test
    void refusesAFontWithoutTheNeededGlyphsNamingTheMissingCharacters() {
        Path latinOnly = bundled("NotoSans-Regular.ttf");
        assertThatThrownBy(() -> LabelSheet.withFonts(latinOnly).render(labels(1), TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("have no glyph for").hasMessageContaining("临 U+4E34");
    }

    @Test
    void saysClearlyWhenTheFontIsMissingOrUnusable() {
        assertThatThrownBy(() -> LabelSheet.withFonts(Path.of("/nonexistent/font.ttf"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> LabelSheet.withFonts(Path.of("pom.xml"))).hasMessageContaining("not a usable TrueType font");
        assertThatThrownBy(() -> sheet.render(List.of(), TEXT)).hasMessageContaining("no labels");
    }
}
