package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;

class LabelSheetTest {

    private static final LabelText TEXT = new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果 Bingtangxin apples 5 kg", true);

    private static LabelSheet sheet;

    @BeforeAll
    static void requireFonts() {
        assumeTrue(LabelSheet.SYSTEM_FONTS.stream().anyMatch(Files::isRegularFile),
                "no CJK font at " + LabelSheet.SYSTEM_FONTS + ": install one (Debian: apt-get install -y fonts-droid-fallback)");
        assumeTrue(LabelSheet.LATIN_FONTS.stream().anyMatch(Files::isRegularFile),
                "no Latin font at " + LabelSheet.LATIN_FONTS + ": install one (Debian: apt-get install -y fonts-dejavu-core)");
        sheet = LabelSheet.withSystemFont();
    }

    private static List<DigitalLink> labels(int count) {
        LabelSigner signer = new LabelSigner(QrCodeTest.KEY);
        List<DigitalLink> labels = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            labels.add(signer.sign(DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L2611A/21/S"
                    + String.format("%06d", i) + "?11=261120&17=270500")));
        }
        return labels;
    }

    @Test
    void printsTwentyFourLabelsPerA4PageWithChineseAndEnglishTextAndTheFontEmbeddedAsASubset() throws Exception {
        List<DigitalLink> labels = labels(30);
        byte[] pdf = sheet.render(labels, TEXT);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("临夏苹果 Linxia Apples", "冰糖心苹果", "批号 Lot L2611A", "序列号 S/N S000001",
                    "序列号 S/N S000030", "有效期至 Exp. 2027-05", "地理标志产品 GI");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
            }
        }
        assertThat(pdf.length).as("a subset, not the 4 MB font").isLessThan(400_000);
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
        LabelText other = new LabelText("会宁小米 Huining Millet", "黄小米 yellow millet 2 kg", false);
        List<byte[]> pdfs = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> sheet.render(labels(3 + i), i % 2 == 0 ? TEXT : other)).toList();
        for (int i = 0; i < pdfs.size(); i++) {
            try (PDDocument document = Loader.loadPDF(pdfs.get(i))) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(i % 2 == 0 ? "冰糖心苹果" : "黄小米 yellow millet", "序列号 S/N S00000" + (3 + i));
                assertThat(text).doesNotContain(i % 2 == 0 ? "会宁" : "临夏");
            }
        }
    }

    @Test
    void refusesAFontWithoutTheNeededGlyphsNamingTheMissingCharacters() {
        Path latinOnly = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isRegularFile(latinOnly), "DejaVuSans.ttf not installed");
        assertThatThrownBy(() -> LabelSheet.withFonts(latinOnly).render(labels(1), TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("have no glyph for").hasMessageContaining("临 U+4E34");
        Path cjkOnly = LabelSheet.SYSTEM_FONTS.stream().filter(Files::isRegularFile).findFirst().orElseThrow();
        assertThatThrownBy(() -> LabelSheet.withFonts(cjkOnly).render(labels(1), TEXT))
                .as("Droid Sans Fallback has no Latin letters").hasMessageContaining("L U+004C");
    }

    @Test
    void saysClearlyWhenTheFontIsMissingOrUnusable() {
        assertThatThrownBy(() -> LabelSheet.withFonts(Path.of("/nonexistent/font.ttf"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> LabelSheet.withFonts(Path.of("pom.xml"))).hasMessageContaining("not a usable TrueType font");
        assertThatThrownBy(() -> sheet.render(List.of(), TEXT)).hasMessageContaining("no labels");
    }
}
