package org.terroir.labels.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.Gs1Date;

/**
 * Print-ready A4 sheets of labels (PDF): {@value #COLUMNS} × {@value #ROWS} labels per page, each a
 * vector QR code with brand, product, lot, serial, expiry and optionally the GI mark beside it,
 * in Chinese and English. Text is drawn with TrueType fonts embedded as subsets, each character
 * with the first font that has its glyph (a Latin font, then a CJK font); every character is
 * checked before drawing, so no missing-glyph boxes are printed.
 */
public final class LabelSheet {

    /** Labels per row. */
    public static final int COLUMNS = 3;
    /** Rows per page. */
    public static final int ROWS = 8;

    /** Where {@link #withSystemFont()} looks for Latin glyphs, in order (Debian: {@code fonts-dejavu-core}). */
    public static final List<Path> LATIN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"));

    /** Where {@link #withSystemFont()} looks for CJK glyphs, in order (Debian: {@code fonts-droid-fallback}). */
    public static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttf"));

    private static final float MARGIN = 28f; // about 10 mm
    private static final float QR_SIDE = 84f; // about 30 mm with quiet zone
    private static final float FONT_SIZE = 6.5f;
    private static final float MIN_FONT_SIZE = 4.5f;
    private static final int SERIAL_LINE = 3; // in lines(): brand, product, lot, serial, expiry

    private final List<Path> fontFiles;
    private final List<TrueTypeFont> glyphs;
    private final ErrorCorrection errorCorrection;
    private final Clock clock;

    private LabelSheet(List<Path> fontFiles, ErrorCorrection errorCorrection, Clock clock) {
        this.fontFiles = List.copyOf(fontFiles);
        this.errorCorrection = errorCorrection;
        this.clock = clock;
        if (fontFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one font is needed");
        }
        List<TrueTypeFont> parsed = new ArrayList<>();
        for (Path fontFile : fontFiles) {
            if (!Files.isRegularFile(fontFile)) {
                throw new IllegalArgumentException("font file " + fontFile + " not found");
            }
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(fontFile.toFile()));
                font.getUnicodeCmapLookup();
                parsed.add(font);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("font file " + fontFile + " is not a usable TrueType font (.ttf): "
                        + e.getMessage(), e);
            }
        }
        this.glyphs = List.copyOf(parsed);
    }

    /**
     * A sheet writer with TrueType fonts (.ttf), error correction M. Each character is drawn with
     * the first font that has a glyph for it, e.g. a Latin font, then a CJK font.
     */
    public static LabelSheet withFonts(Path... trueTypeFonts) {
        return new LabelSheet(List.of(trueTypeFonts), ErrorCorrection.M, Clock.systemUTC());
    }

    /**
     * A sheet writer with the first Latin font of {@link #LATIN_FONTS} present (if any) and the
     * first CJK font of {@link #SYSTEM_FONTS} present.
     *
     * @throws IllegalStateException naming the paths tried and how to install a font
     */
    public static LabelSheet withSystemFont() {
        Path cjk = SYSTEM_FONTS.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no CJK font found at " + SYSTEM_FONTS
                        + "; install one (Debian: apt-get install -y fonts-droid-fallback) or give a .ttf by path"));
        return LATIN_FONTS.stream().filter(Files::isRegularFile).findFirst()
                .map(latin -> withFonts(latin, cjk)).orElseGet(() -> withFonts(cjk));
    }

    /** A copy with another QR error correction level. */
    public LabelSheet withErrorCorrection(ErrorCorrection level) {
        return new LabelSheet(fontFiles, Objects.requireNonNull(level, "level"), clock);
    }

    /** A copy whose clock decides the century of two-digit expiry years. */
    public LabelSheet withClock(Clock newClock) {
        return new LabelSheet(fontFiles, errorCorrection, Objects.requireNonNull(newClock, "clock"));
    }

    /** The fonts used, in order of preference. */
    public List<Path> fonts() {
        return fontFiles;
    }

    /**
     * The PDF of the labels, {@value #COLUMNS} × {@value #ROWS} per A4 page, in order, row by row.
     *
     * @throws IllegalArgumentException if there are no labels or the font lacks a glyph for some text
     */
    public byte[] render(List<DigitalLink> labels, LabelText text) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
        int currentYear = Year.now(clock).getValue();
        requireGlyphs(text, labels, currentYear);
        // The QR codes are the bulk of the work and independent: encoded on the other cores ahead of
        // the pages, and on this thread too whenever the page it writes waits for its code.
        Encoding codes = new Encoding(labels, errorCorrection);
        try {
            // One sheet at a time per instance: the fonts, parsed once, are read again for each sheet's subsets.
            synchronized (glyphs) {
                return write(labels, codes, text, currentYear);
            }
        } finally {
            codes.stop();
        }
    }

    private byte[] write(List<DigitalLink> labels, Encoding codes, LabelText text, int currentYear) {
        try (PDDocument document = new PDDocument()) {
            List<PDType0Font> fonts = new ArrayList<>();
            for (TrueTypeFont font : glyphs) {
                fonts.add(PDType0Font.load(document, font, true));
            }
            PDRectangle a4 = PDRectangle.A4;
            float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (a4.getHeight() - 2 * MARGIN) / ROWS;
            int perPage = COLUMNS * ROWS;
            Map<List<String>, PDFormXObject> blocks = new HashMap<>();
            for (int first = 0; first < labels.size(); first += perPage) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(labels.size(), first + perPage); i++) {
                        int column = (i - first) % COLUMNS;
                        int row = (i - first) / COLUMNS;
                        float x = MARGIN + column * cellWidth;
                        float top = a4.getHeight() - MARGIN - row * cellHeight;
                        drawLabel(content, fonts, labels.get(i), codes.get(i).image(document), blocks, document, text, x,
                                top, cellWidth, cellHeight, currentYear);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label sheet", e);
        }
    }

    private void drawLabel(PDPageContentStream content, List<PDType0Font> fonts, DigitalLink label, PDImageXObject qr,
            Map<List<String>, PDFormXObject> blocks, PDDocument document, LabelText text, float x, float top,
            float cellWidth, float cellHeight, int currentYear) throws IOException {
        float qrX = x + 2f;
        float qrTop = top - (cellHeight - QR_SIDE) / 2;
        content.drawImage(qr, qrX, qrTop - QR_SIDE, QR_SIDE, QR_SIDE);

        float textX = qrX + QR_SIDE + 2f;
        float width = x + cellWidth - textX - 4f;
        List<String> lines = lines(label, text, currentYear);
        // Every line but the serial repeats from label to label: drawn once into a form, placed by reference.
        List<String> shared = new ArrayList<>(lines);
        shared.set(SERIAL_LINE, "");
        PDFormXObject block = blocks.get(shared);
        if (block == null) {
            // A form XObject written through the document, like the pages, so that the fonts it uses
            // are subset with the document's (PDFBox writes forms in a document's context only as
            // appearance streams, which are form XObjects).
            PDAppearanceStream form = new PDAppearanceStream(document);
            form.setBBox(new PDRectangle(-4f, -cellHeight, width + 8f, cellHeight + 4f));
            form.setResources(new PDResources());
            try (PDPageContentStream formContent = new PDPageContentStream(document, form)) {
                drawText(formContent, fonts, shared, text.geographicalIndication(), width);
            }
            block = form;
            blocks.put(shared, block);
        }
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(textX, top));
        content.drawForm(block);
        drawText(content, fonts, List.of("", "", "", lines.get(SERIAL_LINE)), false, width);
        content.restoreGraphicsState();
    }

    /** The text lines from (0, 0), the cell's top left corner beside the QR code; empty lines are skipped. */
    private void drawText(PDPageContentStream content, List<PDType0Font> fonts, List<String> lines, boolean gi, float width)
            throws IOException {
        float y = -16f;
        for (String line : lines) {
            if (!line.isEmpty()) {
                float natural = width(fonts, line, FONT_SIZE);
                float size = natural <= width ? FONT_SIZE : Math.max(MIN_FONT_SIZE, FONT_SIZE * width / natural);
                show(content, fonts, truncate(fonts, line, size, width), size, 0f, y);
            }
            y -= FONT_SIZE + 3.5f;
        }
        if (gi) {
            String mark = "地理标志产品 GI";
            content.setLineWidth(0.6f);
            content.addRect(-1.5f, y - 2.5f, width(fonts, mark, FONT_SIZE) + 3f, FONT_SIZE + 4f);
            content.stroke();
            show(content, fonts, mark, FONT_SIZE, 0f, y);
        }
    }

    /**
     * The QR codes of a sheet's labels, encoded in label order by the common pool's threads and by
     * the thread writing the pages: {@link #get} returns a label's code, encoding further labels
     * itself while that one is not ready, so that every core stays busy until the last code.
     */
    private static final class Encoding {
        private final List<DigitalLink> labels;
        private final ErrorCorrection level;
        private final AtomicReferenceArray<QrBitmap> done;
        private final AtomicInteger next = new AtomicInteger();
        private volatile RuntimeException failure;

        Encoding(List<DigitalLink> labels, ErrorCorrection level) {
            this.labels = labels;
            this.level = level;
            this.done = new AtomicReferenceArray<>(labels.size());
            int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), labels.size() - 1);
            for (int i = 0; i < helpers; i++) {
                ForkJoinPool.commonPool().execute(this::help);
            }
        }

        private void help() {
            try {
                for (int i = next.getAndIncrement(); i < labels.size(); i = next.getAndIncrement()) {
                    done.set(i, encode(i));
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private QrBitmap encode(int i) {
            return QrBitmap.of(QrCode.of(labels.get(i), level));
        }

        /** The code of label {@code i}, once encoded. */
        QrBitmap get(int i) {
            QrBitmap code;
            while ((code = done.get(i)) == null) {
                if (failure != null) {
                    throw failure;
                }
                int other = next.getAndIncrement();
                if (other < labels.size()) {
                    done.set(other, encode(other));
                } else {
                    LockSupport.parkNanos(20_000); // a helper is finishing it
                }
            }
            return code;
        }

        /** No label is encoded after this (the sheet failed, or is done). */
        void stop() {
            next.set(labels.size());
        }
    }

    /**
     * The QR code with its quiet zone as a 1-bit grey image, one pixel per module, Flate-compressed,
     * drawn without interpolation: printed as sharp as vector rectangles at any resolution, at a
     * fraction of the content-stream size and time.
     */
    private record QrBitmap(int side, byte[] flated) {

        /** One compressor per thread: setting one up costs more than compressing a QR code. */
        private static final ThreadLocal<java.util.zip.Deflater> DEFLATER =
                ThreadLocal.withInitial(() -> new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED));

        static QrBitmap of(QrCode code) {
            int quiet = QrCode.DEFAULT_QUIET_ZONE;
            int side = code.size() + 2 * quiet;
            int rowBytes = (side + 7) / 8;
            byte[] bits = new byte[rowBytes * side];
            java.util.Arrays.fill(bits, (byte) 0xFF); // 1 = white in DeviceGray
            for (int y = 0; y < code.size(); y++) {
                for (int x = 0; x < code.size(); x++) {
                    if (code.isDark(x, y)) {
                        int px = x + quiet;
                        int index = (y + quiet) * rowBytes + px / 8;
                        bits[index] = (byte) (bits[index] & ~(0x80 >>> (px % 8)));
                    }
                }
            }
            java.util.zip.Deflater deflater = DEFLATER.get();
            deflater.reset();
            deflater.setInput(bits);
            deflater.finish();
            ByteArrayOutputStream flated = new ByteArrayOutputStream(bits.length / 2 + 64);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                flated.write(buffer, 0, deflater.deflate(buffer));
            }
            return new QrBitmap(side, flated.toByteArray());
        }

        PDImageXObject image(PDDocument document) throws IOException {
            PDImageXObject image = new PDImageXObject(document, new java.io.ByteArrayInputStream(flated),
                    COSName.FLATE_DECODE, side, side, 1, PDDeviceGray.INSTANCE);
            image.setInterpolate(false);
            return image;
        }
    }

    /** Draws a line in runs, each run in the first font with its glyphs; the text position advances by itself. */
    private void show(PDPageContentStream content, List<PDType0Font> fonts, String line, float size, float x, float y)
            throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (var run : runs(line)) {
            content.setFont(fonts.get(run.font()), size);
            content.showText(run.text());
        }
        content.endText();
    }

    private record Run(int font, String text) {
    }

    private List<Run> runs(String line) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        int current = -1;
        for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
            int font = fontFor(line.codePointAt(i), current);
            if (font != current && i > start) {
                runs.add(new Run(current, line.substring(start, i)));
                start = i;
            }
            current = font;
        }
        if (start < line.length()) {
            runs.add(new Run(current, line.substring(start)));
        }
        return runs;
    }

    /** The first font with a glyph for the code point (a space stays in the current font). */
    private int fontFor(int codePoint, int current) {
        if (codePoint == ' ' && current >= 0) {
            return current;
        }
        try {
            for (int i = 0; i < glyphs.size(); i++) {
                if (glyphs.get(i).getUnicodeCmapLookup().getGlyphId(codePoint) != 0) {
                    return i;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    private float width(List<PDType0Font> fonts, String line, float size) throws IOException {
        float width = 0;
        for (var run : runs(line)) {
            width += fonts.get(run.font()).getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    private String truncate(List<PDType0Font> fonts, String line, float size, float width) throws IOException {
        if (width(fonts, line, size) <= width) {
            return line;
        }
        String shortened = line;
        while (!shortened.isEmpty() && width(fonts, shortened + "…", size) > width) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened + "…";
    }

    private static List<String> lines(DigitalLink label, LabelText text, int currentYear) {
        return List.of(text.brand(), text.product(),
                "批号 Lot " + label.lot().map(Object::toString).orElse("-"),
                "序列号 S/N " + label.serial().map(Object::toString).orElse("-"),
                "有效期至 Exp. " + label.expiryDate().map(d -> expiry(d, currentYear)).orElse("-"));
    }

    private static String expiry(Gs1Date date, int currentYear) {
        return date.dayOmitted() ? date.month(currentYear).toString() : date.toLocalDate(currentYear).toString();
    }

    private void requireGlyphs(LabelText text, List<DigitalLink> labels, int currentYear) {
        StringBuilder all = new StringBuilder("地理标志产品 GI…");
        for (DigitalLink label : labels) {
            lines(label, text, currentYear).forEach(all::append);
        }
        TreeSet<String> missing = new TreeSet<>();
        all.codePoints().filter(cp -> fontFor(cp, -1) < 0)
                .forEach(cp -> missing.add(new String(Character.toChars(cp)) + String.format(" U+%04X", cp)));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("fonts " + fontFiles + " have no glyph for " + missing
                    + "; use a font with CJK glyphs, e.g. Debian's fonts-droid-fallback");
        }
    }
}
