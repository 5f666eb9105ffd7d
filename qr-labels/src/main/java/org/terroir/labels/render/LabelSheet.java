package org.terroir.labels.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
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

/**
 * Print-ready A4 sheets of labels (PDF): {@value #COLUMNS} × {@value #ROWS} labels per page, each a
 * vector QR code with, beside it, what a shopper reads: the product's Chinese name first, its
 * English name, the brand, lot, serial, expiry (when the label has one), "扫码验真 Scan to verify" and
 * optionally the GI mark (see {@link LabelText}). Text is drawn with TrueType fonts embedded as
 * subsets, each character with the first font that has its glyph; every character is checked
 * before drawing, so no missing-glyph boxes are printed, and no text is cut short.
 *
 * <p>By default the fonts are those shipped with the program ({@link #BUNDLED_FONTS}, SIL Open Font
 * License 1.1, their licences beside them), so that a sheet comes out the same on any machine;
 * system fonts are a choice ({@link #withSystemFonts(FontFolders)}, {@link #withFonts(Path...)}).
 */
public final class LabelSheet {

    /** Labels per row. */
    public static final int COLUMNS = 3;
    /** Rows per page. */
    public static final int ROWS = 8;

    /**
     * The fonts shipped with the program, in order: Noto Sans (Latin) and Noto Sans SC (Chinese,
     * with Latin too), regular weight, TrueType outlines; each with its licence
     * ({@code NotoSans-OFL.txt}, {@code NotoSansSC-OFL.txt}) in the same class-path folder.
     */
    public static final List<String> BUNDLED_FONTS = List.of("NotoSans-Regular.ttf", "NotoSansSC-Regular.ttf");

    /** The class-path folder of the bundled fonts. */
    public static final String BUNDLED_FOLDER = "/org/terroir/labels/render/fonts/";

    /** The Latin fonts {@link #withSystemFonts} looks for, in order (Debian: {@code fonts-dejavu-core}). */
    public static final List<String> SYSTEM_LATIN_FONTS = List.of("DejaVuSans.ttf", "LiberationSans-Regular.ttf",
            "NotoSans-Regular.ttf");

    /** The CJK fonts {@link #withSystemFonts} looks for, in order (Debian: {@code fonts-droid-fallback}). */
    public static final List<String> SYSTEM_CJK_FONTS = List.of("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
            "NotoSansSC-Regular.ttf");

    private static final float MARGIN = 28f; // about 10 mm
    private static final float QR_SIDE = 84f; // about 30 mm with quiet zone
    private static final float CELL_WIDTH = (PDRectangle.A4.getWidth() - 2 * MARGIN) / COLUMNS;
    private static final float CELL_HEIGHT = (PDRectangle.A4.getHeight() - 2 * MARGIN) / ROWS;
    private static final float TEXT_OFFSET = 2f + QR_SIDE + 2f; // from the cell's left edge
    private static final float TEXT_WIDTH = CELL_WIDTH - TEXT_OFFSET - 4f;

    private final Glyphs glyphs;
    private final LabelLayout layout;
    private final ErrorCorrection errorCorrection;
    private final Clock clock;

    private LabelSheet(Glyphs glyphs, ErrorCorrection errorCorrection, Clock clock) {
        this.glyphs = glyphs;
        this.layout = new LabelLayout(glyphs, TEXT_WIDTH, CELL_HEIGHT);
        this.errorCorrection = errorCorrection;
        this.clock = clock;
    }

    private static LabelSheet of(List<Glyphs.Font> fonts) {
        return new LabelSheet(new Glyphs(fonts), ErrorCorrection.M, Clock.systemUTC());
    }

    /**
     * A sheet writer with the fonts shipped with the program ({@link #BUNDLED_FONTS}), error
     * correction M: the same sheet on every machine, whatever fonts it has.
     *
     * @throws IllegalStateException if the program was built without them
     */
    public static LabelSheet withBundledFonts() {
        List<Glyphs.Font> fonts = new ArrayList<>();
        for (String file : BUNDLED_FONTS) {
            try (InputStream in = LabelSheet.class.getResourceAsStream(BUNDLED_FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + file + " shipped with Terroir is not on its class path ("
                            + BUNDLED_FOLDER + "): build it with './mvnw', which fetches the fonts, or give fonts by path");
                }
                fonts.add(Glyphs.Font.parse(file + " (bundled)", new RandomAccessReadBuffer(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled font " + file, e);
            }
        }
        return of(fonts);
    }

    /**
     * A sheet writer with TrueType fonts (.ttf), error correction M. Each character is drawn with
     * the first font that has a glyph for it, e.g. a Latin font, then a CJK font.
     *
     * @throws IllegalArgumentException naming a file that is missing or not a usable TrueType font
     */
    public static LabelSheet withFonts(Path... trueTypeFonts) {
        List<Glyphs.Font> fonts = new ArrayList<>();
        for (Path file : trueTypeFonts) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("font file " + file + " not found");
            }
            try {
                fonts.add(Glyphs.Font.parse(file.toString(), new RandomAccessReadBufferedFile(file.toFile())));
            } catch (IOException e) {
                throw new IllegalArgumentException("font file " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return of(fonts);
    }

    /**
     * A sheet writer with the system's fonts: the first of {@link #SYSTEM_LATIN_FONTS} found under
     * {@code folders} (if any), then the first of {@link #SYSTEM_CJK_FONTS}.
     *
     * @throws IllegalStateException naming the folders searched when they hold no CJK font
     */
    public static LabelSheet withSystemFonts(FontFolders folders) {
        Path cjk = folders.find(SYSTEM_CJK_FONTS).orElseThrow(() -> new IllegalStateException("no CJK font ("
                + String.join(", ", SYSTEM_CJK_FONTS) + ") found under " + folders + " (" + FontFolders.VARIABLE
                + "); install one (Debian: apt-get install -y fonts-droid-fallback), or use the bundled fonts"));
        return folders.find(SYSTEM_LATIN_FONTS).map(latin -> withFonts(latin, cjk)).orElseGet(() -> withFonts(cjk));
    }

    /** A copy with another QR error correction level. */
    public LabelSheet withErrorCorrection(ErrorCorrection level) {
        return new LabelSheet(glyphs, Objects.requireNonNull(level, "level"), clock);
    }

    /** A copy whose clock decides the century of two-digit expiry years. */
    public LabelSheet withClock(Clock newClock) {
        return new LabelSheet(glyphs, errorCorrection, Objects.requireNonNull(newClock, "clock"));
    }

    /** The fonts used, in order of preference: file paths, or a bundled font's name. */
    public List<String> fonts() {
        return glyphs.fonts().stream().map(Glyphs.Font::name).toList();
    }

    /**
     * The PDF of the labels, {@value #COLUMNS} × {@value #ROWS} per A4 page, in order, row by row.
     *
     * @throws IllegalArgumentException if there are no labels, the fonts lack a glyph for some text,
     *                                  or the text does not fit beside the QR code even set small
     */
    public byte[] render(List<DigitalLink> labels, LabelText text) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
        int currentYear = Year.now(clock).getValue();
        Set<LabelLayout.Key> keys = new LinkedHashSet<>();
        labels.forEach(label -> keys.add(LabelLayout.Key.of(label, currentYear)));
        requireGlyphs(text, keys, labels);
        Map<LabelLayout.Key, LabelLayout.Placed> placed = new HashMap<>();
        keys.forEach(key -> placed.put(key, layout.place(text, key)));
        // The QR codes are the bulk of the work and independent: encoded on the other cores ahead of
        // the pages, and on this thread too whenever the page it writes waits for its code.
        Encoding codes = new Encoding(labels, errorCorrection);
        try {
            // One sheet at a time per set of fonts: parsed once, they are read again for each sheet's subsets.
            synchronized (glyphs) {
                return write(labels, codes, text, placed, currentYear);
            }
        } finally {
            codes.stop();
        }
    }

    private byte[] write(List<DigitalLink> labels, Encoding codes, LabelText text, Map<LabelLayout.Key, LabelLayout.Placed> placed,
            int currentYear) {
        try (PDDocument document = new PDDocument()) {
            List<PDType0Font> fonts = new ArrayList<>();
            for (Glyphs.Font font : glyphs.fonts()) {
                fonts.add(PDType0Font.load(document, font.ttf(), true));
            }
            PDRectangle a4 = PDRectangle.A4;
            int perPage = COLUMNS * ROWS;
            Map<LabelLayout.Placed, PDFormXObject> forms = new HashMap<>();
            for (int first = 0; first < labels.size(); first += perPage) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(labels.size(), first + perPage); i++) {
                        int column = (i - first) % COLUMNS;
                        int row = (i - first) / COLUMNS;
                        float x = MARGIN + column * CELL_WIDTH;
                        float top = a4.getHeight() - MARGIN - row * CELL_HEIGHT;
                        DigitalLink label = labels.get(i);
                        drawLabel(content, fonts, label, codes.get(i).image(document),
                                placed.get(LabelLayout.Key.of(label, currentYear)), forms, document, x, top);
                    }
                }
            }
            // The file identifier PDFBox would make from the clock, made from the content instead: the
            // same labels give the same bytes.
            byte[] id = identifier(labels, text);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label sheet", e);
        }
    }

    /** A digest of what the sheet shows: its labels, their words, the fonts and the error correction. */
    private byte[] identifier(List<DigitalLink> labels, LabelText text) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        digest.update((text + "\n" + glyphs + "\n" + errorCorrection + "\n").getBytes(StandardCharsets.UTF_8));
        for (DigitalLink label : labels) {
            digest.update((label.toUri() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(digest.digest(), 16);
    }

    private void drawLabel(PDPageContentStream content, List<PDType0Font> fonts, DigitalLink label, PDImageXObject qr,
            LabelLayout.Placed lines, Map<LabelLayout.Placed, PDFormXObject> forms, PDDocument document, float x, float top)
            throws IOException {
        float qrX = x + 2f;
        float qrTop = top - (CELL_HEIGHT - QR_SIDE) / 2;
        content.drawImage(qr, qrX, qrTop - QR_SIDE, QR_SIDE, QR_SIDE);

        // Every line but the serial repeats from label to label: drawn once into a form, placed by reference.
        PDFormXObject form = forms.get(lines);
        if (form == null) {
            // A form XObject written through the document, like the pages, so that the fonts it uses
            // are subset with the document's (PDFBox writes forms in a document's context only as
            // appearance streams, which are form XObjects).
            PDAppearanceStream block = new PDAppearanceStream(document);
            block.setBBox(new PDRectangle(-4f, -CELL_HEIGHT, TEXT_WIDTH + 8f, CELL_HEIGHT + 4f));
            block.setResources(new PDResources());
            try (PDPageContentStream formContent = new PDPageContentStream(document, block)) {
                for (LabelLayout.Line line : lines.shared()) {
                    show(formContent, fonts, line.text(), line.size(), line.y());
                }
                if (lines.mark().isPresent()) {
                    drawMark(formContent, fonts, lines.mark().get());
                }
            }
            form = block;
            forms.put(lines, form);
        }
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(x + TEXT_OFFSET, top));
        content.drawForm(form);
        Optional<String> serial = LabelLayout.serialLine(label);
        if (serial.isPresent() && lines.serial().isPresent()) {
            LabelLayout.Line slot = lines.serial().get();
            show(content, fonts, serial.get(), layout.fit(serial.get(), slot.size()), slot.y());
        }
        content.restoreGraphicsState();
    }

    /** The GI mark: its words in a thin frame. */
    private void drawMark(PDPageContentStream content, List<PDType0Font> fonts, LabelLayout.Line mark) throws IOException {
        float padding = LabelLayout.MARK_PADDING;
        content.setLineWidth(0.6f);
        content.addRect(-padding, mark.y() - 0.25f * mark.size() - padding, glyphs.width(mark.text(), mark.size()) + 2 * padding,
                1.15f * mark.size() + 2 * padding);
        content.stroke();
        show(content, fonts, mark.text(), mark.size(), mark.y());
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

    /** Draws a line from x = 0 in runs, each run in the first font with its glyphs; the text position advances by itself. */
    private void show(PDPageContentStream content, List<PDType0Font> fonts, String line, float size, float y)
            throws IOException {
        content.beginText();
        content.newLineAtOffset(0f, y);
        for (Glyphs.Run run : glyphs.runs(line)) {
            content.setFont(fonts.get(run.font()), size);
            content.showText(run.text());
        }
        content.endText();
    }

    /** Every character printed must have a glyph in some font; the message names those that have none. */
    private void requireGlyphs(LabelText text, Iterable<LabelLayout.Key> keys, List<DigitalLink> labels) {
        java.util.BitSet seen = new java.util.BitSet();
        TreeSet<String> missing = new TreeSet<>();
        java.util.function.Consumer<String> check = line -> line.codePoints().forEach(cp -> {
            if (!seen.get(cp)) {
                seen.set(cp);
                if (glyphs.fontFor(cp, -1) < 0) {
                    missing.add(new String(Character.toChars(cp)) + String.format(" U+%04X", cp));
                }
            }
        });
        check.accept(LabelLayout.GI_MARK);
        keys.forEach(key -> LabelLayout.texts(text, key).forEach(check));
        labels.forEach(label -> LabelLayout.serialLine(label).ifPresent(check));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("fonts " + glyphs + " have no glyph for " + missing
                    + "; use a font with CJK glyphs, e.g. the bundled ones");
        }
    }
}
