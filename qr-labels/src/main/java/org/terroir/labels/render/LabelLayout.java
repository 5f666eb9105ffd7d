package org.terroir.labels.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.Gs1Date;

/**
 * Where the words of a label go beside its QR code, in the order a shopper reads them: the
 * product's Chinese name (larger), its English name, the brand, then lot, serial, expiry (only when
 * the label has one), a "scan to verify" line and the GI mark. Long text is wrapped (first between
 * its Chinese and its English part, then at spaces and between Chinese characters) or set smaller,
 * never cut short; text that does not fit even so is refused, naming it.
 */
final class LabelLayout {

    static final String LOT = "批号 Lot ";
    static final String SERIAL = "序列号 S/N ";
    static final String EXPIRY = "有效期至 Exp. ";
    static final String SCAN = "扫码验真 Scan to verify";
    static final String GI_MARK = "地理标志产品 GI";

    static final float PRODUCT_SIZE = 8f;
    static final float TEXT_SIZE = 6.5f;
    static final float MIN_SIZE = 4.5f;

    /** Space above the first line and below the last, in points. */
    private static final float PADDING = 4f;
    /** A line's advance as a multiple of its size. */
    private static final float LEADING = 1.28f;
    /** How far below its baseline a line reaches, as a multiple of its size (descenders). */
    private static final float DESCENT = 0.25f;
    /** Space between the GI mark's frame and its text. */
    static final float MARK_PADDING = 1.5f;
    /** Lines a name may take before it is set smaller. */
    private static final int NAME_LINES = 2;
    /** Steps in which text is set smaller. */
    private static final float STEP = 0.25f;

    /** A line of text at a size, its baseline {@code y} points below the top of the text area. */
    record Line(String text, float size, float y) {}

    /**
     * A label's lines: those shared by every label with the same lot and expiry, the serial's place
     * (its size the largest it may take), and the GI mark's.
     */
    record Placed(List<Line> shared, Optional<Line> serial, Optional<Line> mark) {}

    /** What of a label, besides the sheet's text, decides where its lines go. */
    record Key(Optional<String> lot, boolean serial, Optional<String> expiry) {

        static Key of(DigitalLink label, int currentYear) {
            return new Key(label.lot().map(Object::toString), label.serial().isPresent(),
                    label.expiryDate().map(date -> expiry(date, currentYear)));
        }

        private static String expiry(Gs1Date date, int currentYear) {
            return date.dayOmitted() ? date.month(currentYear).toString() : date.toLocalDate(currentYear).toString();
        }
    }

    /** The serial line of a label, if it has a serial. */
    static Optional<String> serialLine(DigitalLink label) {
        return label.serial().map(serial -> SERIAL + serial);
    }

    private enum Kind { NAME, DATA, SERIAL, MARK }

    private record Block(Kind kind, String text, float size) {}

    private final Glyphs glyphs;
    private final float width;
    private final float height;

    /** Lines at most {@code width} wide in an area {@code height} high. */
    LabelLayout(Glyphs glyphs, float width, float height) {
        this.glyphs = glyphs;
        this.width = width;
        this.height = height;
    }

    /** Every text a label of this key prints, but its serial. */
    static List<String> texts(LabelText text, Key key) {
        List<String> texts = new ArrayList<>();
        blocks(text, key).forEach(block -> texts.add(block.text()));
        return texts;
    }

    private static List<Block> blocks(LabelText text, Key key) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Kind.NAME, text.product().strip(), PRODUCT_SIZE));
        if (!text.productEn().isBlank()) {
            blocks.add(new Block(Kind.NAME, text.productEn().strip(), TEXT_SIZE));
        }
        if (!text.brand().isBlank()) {
            blocks.add(new Block(Kind.NAME, text.brand().strip(), TEXT_SIZE));
        }
        key.lot().ifPresent(lot -> blocks.add(new Block(Kind.DATA, LOT + lot, TEXT_SIZE)));
        if (key.serial()) {
            blocks.add(new Block(Kind.SERIAL, "", TEXT_SIZE));
        }
        key.expiry().ifPresent(expiry -> blocks.add(new Block(Kind.DATA, EXPIRY + expiry, TEXT_SIZE)));
        blocks.add(new Block(Kind.DATA, SCAN, TEXT_SIZE));
        if (text.geographicalIndication()) {
            blocks.add(new Block(Kind.MARK, GI_MARK, TEXT_SIZE));
        }
        return blocks;
    }

    /**
     * The lines of a label: every size as designed if they fit, else all of them smaller in steps.
     *
     * @throws IllegalArgumentException naming the text when it does not fit even at the smallest size
     */
    Placed place(LabelText text, Key key) {
        List<Block> blocks = blocks(text, key);
        float smallest = MIN_SIZE / TEXT_SIZE;
        for (float scale = 1f; scale >= smallest - 1e-4f; scale -= 0.05f) {
            Optional<Placed> placed = place(blocks, Math.max(scale, smallest));
            if (placed.isPresent()) {
                return placed.get();
            }
        }
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "the label text does not fit beside the QR code (%.0f × %.0f pt) even at %.1f pt: product \"%s\"%s, brand \"%s\";"
                        + " shorten it", width, height, MIN_SIZE, text.product(),
                text.productEn().isBlank() ? "" : " / \"" + text.productEn() + "\"", text.brand()));
    }

    private Optional<Placed> place(List<Block> blocks, float scale) {
        List<Line> shared = new ArrayList<>();
        Line serial = null;
        Line mark = null;
        float y = -PADDING;
        float bottom = 0;
        for (Block block : blocks) {
            float size = Math.max(MIN_SIZE, block.size() * scale);
            switch (block.kind()) {
                case NAME -> {
                    Wrapped wrapped = wrap(block.text(), size);
                    for (String line : wrapped.lines()) {
                        y -= wrapped.size();
                        shared.add(new Line(line, wrapped.size(), y));
                        bottom = y - wrapped.size() * DESCENT;
                        y -= wrapped.size() * (LEADING - 1);
                    }
                }
                case DATA -> {
                    y -= size;
                    shared.add(new Line(block.text(), fit(block.text(), size), y));
                    bottom = y - size * DESCENT;
                    y -= size * (LEADING - 1);
                }
                case SERIAL -> {
                    y -= size;
                    serial = new Line("", size, y);
                    bottom = y - size * DESCENT;
                    y -= size * (LEADING - 1);
                }
                case MARK -> {
                    y -= MARK_PADDING + size;
                    mark = new Line(block.text(), fit(block.text(), size, width - 2 * MARK_PADDING), y);
                    bottom = y - size * DESCENT - MARK_PADDING;
                    y -= size * (LEADING - 1);
                }
            }
        }
        if (-bottom > height - PADDING) {
            return Optional.empty();
        }
        return Optional.of(new Placed(List.copyOf(shared), Optional.ofNullable(serial), Optional.ofNullable(mark)));
    }

    /** The size at which one line fits the width: {@code size} or smaller. */
    float fit(String line, float size) {
        return fit(line, size, width);
    }

    private float fit(String line, float size, float room) {
        float natural = glyphs.width(line, size);
        return natural <= room ? size : size * room / natural;
    }

    private record Wrapped(List<String> lines, float size) {}

    /**
     * A name in at most {@value #NAME_LINES} lines, each as wide as the area at most: as large as
     * possible from {@code size} down, first with its Chinese and English parts on lines of their
     * own, else filled line by line; at the smallest size, in as many lines as it takes.
     */
    private Wrapped wrap(String text, float size) {
        for (boolean byScript : new boolean[] {true, false}) {
            for (float s = size; s >= MIN_SIZE - 1e-4f; s -= STEP) {
                List<String> lines = lines(text, s, byScript);
                if (lines.size() <= NAME_LINES) {
                    return new Wrapped(lines, s);
                }
            }
        }
        return new Wrapped(lines(text, MIN_SIZE, false), MIN_SIZE);
    }

    private List<String> lines(String text, float size, boolean byScript) {
        if (glyphs.width(text, size) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        for (String part : byScript ? scriptParts(text) : List.of(text)) {
            fill(part, size, lines);
        }
        return lines;
    }

    /** The text split at each space between a Chinese and a non-Chinese character. */
    static List<String> scriptParts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == ' ' && isChinese(text.codePointBefore(i)) != isChinese(text.codePointAt(i + 1))) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** Breaks the text into lines no wider than the area, at the last break before the edge (within a word only if it must). */
    private void fill(String text, float size, List<String> lines) {
        int start = 0;
        while (start < text.length()) {
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            if (start >= text.length()) {
                break;
            }
            int lastBreak = -1;
            int lastFit = -1;
            for (int end = start + Character.charCount(text.codePointAt(start)); end <= text.length();
                    end += end < text.length() ? Character.charCount(text.codePointAt(end)) : 1) {
                if (glyphs.width(text.substring(start, end).strip(), size) > width) {
                    break;
                }
                lastFit = end;
                if (end == text.length() || breaksAt(text, end)) {
                    lastBreak = end;
                }
            }
            int end = lastBreak > start ? lastBreak : Math.max(lastFit, start + Character.charCount(text.codePointAt(start)));
            lines.add(text.substring(start, end).strip());
            start = end;
        }
    }

    private static final String NO_LINE_START = "，。、；：！？）」』》〉】…,.;:!?)%";
    private static final String NO_LINE_END = "（「『《〈【(";

    /** Whether a line may end before {@code text.charAt(i)}: after a space, or beside a Chinese character. */
    static boolean breaksAt(String text, int i) {
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        if (NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(before) >= 0) {
            return false;
        }
        return before == ' ' || (after != ' ' && (isChinese(before) || isChinese(after)));
    }

    static boolean isChinese(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
