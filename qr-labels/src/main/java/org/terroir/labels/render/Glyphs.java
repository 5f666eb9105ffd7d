package org.terroir.labels.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * TrueType fonts in order of preference: which one draws a character (the first with its glyph)
 * and how wide a line is. The tables these questions read are parsed up front, so that any number
 * of threads may ask at once.
 */
final class Glyphs {

    /** A parsed font: its name for messages, and the tables the layout reads. */
    record Font(String name, TrueTypeFont ttf, CmapLookup cmap, HorizontalMetricsTable metrics, float unitsPerEm) {

        /**
         * Parses a TrueType font (.ttf).
         *
         * @throws IllegalArgumentException naming the font when it is not a usable TrueType font
         */
        static Font parse(String name, RandomAccessRead data) {
            try {
                TrueTypeFont font = new TTFParser().parse(data);
                HorizontalMetricsTable metrics = font.getHorizontalMetrics();
                CmapLookup cmap = font.getUnicodeCmapLookup();
                if (metrics == null || cmap == null) {
                    throw new IOException("no horizontal metrics or Unicode character map");
                }
                return new Font(name, font, cmap, metrics, font.getUnitsPerEm());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("font " + name + " is not a usable TrueType font (.ttf): " + e.getMessage(), e);
            }
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        /** The advance of a character's glyph, in points at {@code size}. */
        float advance(int codePoint, float size) {
            return metrics.getAdvanceWidth(cmap.getGlyphId(codePoint)) * size / unitsPerEm;
        }
    }

    /** A stretch of a line drawn with one font. */
    record Run(int font, String text) {}

    private final List<Font> fonts;

    Glyphs(List<Font> fonts) {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("at least one font is needed");
        }
        this.fonts = List.copyOf(fonts);
    }

    List<Font> fonts() {
        return fonts;
    }

    /** The index of the first font with a glyph for the code point, or -1 (a space stays in the current font). */
    int fontFor(int codePoint, int current) {
        if (codePoint == ' ' && current >= 0) {
            return current;
        }
        for (int i = 0; i < fonts.size(); i++) {
            if (fonts.get(i).has(codePoint)) {
                return i;
            }
        }
        return -1;
    }

    /** The line in runs, each in the first font with its glyphs. */
    List<Run> runs(String line) {
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

    /** How wide the line is at {@code size}, in points; a character no font has counts as nothing. */
    float width(String line, float size) {
        float width = 0;
        int current = -1;
        for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
            int codePoint = line.codePointAt(i);
            current = fontFor(codePoint, current);
            if (current >= 0) {
                width += fonts.get(current).advance(codePoint, size);
            }
        }
        return width;
    }

    @Override
    public String toString() {
        return fonts.stream().map(Font::name).toList().toString();
    }
}
