package org.terroir.labels.render;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;

/**
 * The choice of a QR code's data mask (ISO/IEC 18004 clause 7.8), made as ZXing's encoder makes
 * it — the same four penalty rules, weights and tie-breaking (the lowest mask wins), so that the
 * symbol is the one ZXing would produce — but on one flat array, unmasking and remasking the data
 * modules of a symbol ZXing encoded once with mask 0, instead of building and scoring eight
 * matrices. Mask choice was two thirds of the time of a label's QR code. {@code QrCodeTest}
 * compares the result with ZXing's own choice for thousands of texts at every level.
 */
final class MaskChoice {

    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;

    /** The BCH(15,5) generator of the format information, and the mask XORed onto it (clause 7.9.1). */
    private static final int FORMAT_GENERATOR = 0x537;
    private static final int FORMAT_MASK = 0x5412;

    /** The first copy of the 15 format bits, least significant first: (x, y) around the top-left finder. */
    private static final int[][] FORMAT_FIRST = {{8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8},
        {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};

    private MaskChoice() {}

    /**
     * The symbol with the mask of least penalty, as rows of 0 (light) and 1 (dark).
     *
     * @param maskZero the symbol ZXing encoded with mask pattern 0
     */
    static byte[] best(ByteMatrix maskZero, ErrorCorrectionLevel level, Version version) {
        return maskZero.getWidth() <= Words.MAX_SIDE ? Words.best(maskZero, level, version) : scalarBest(maskZero, level, version);
    }

    /** {@link #best} one module at a time, for symbols of any size. */
    static byte[] scalarBest(ByteMatrix maskZero, ErrorCorrectionLevel level, Version version) {
        int n = maskZero.getWidth();
        byte[] data = new byte[n * n];
        byte[][] rows = maskZero.getArray();
        for (int y = 0; y < n; y++) {
            System.arraycopy(rows[y], 0, data, y * n, n);
        }
        boolean[] function = functionModules(version, n);
        // Unmask: the data modules as they are before any mask.
        applyMask(data, function, n, 0);
        byte[] candidate = new byte[n * n];
        byte[] best = null;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            System.arraycopy(data, 0, candidate, 0, data.length);
            applyMask(candidate, function, n, mask);
            writeFormat(candidate, n, level, mask);
            int penalty = penalty(candidate, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                best = candidate.clone();
            }
        }
        return best;
    }

    /**
     * The modules that are not data (clause 6.3): the three finder patterns with their separators and
     * the format information beside them, the dark module, the timing patterns, the alignment patterns
     * and, from version 7, the version information.
     */
    private static boolean[] functionModules(Version version, int n) {
        boolean[] function = new boolean[n * n];
        region(function, n, 0, 0, 9, 9);
        region(function, n, n - 8, 0, 8, 9);
        region(function, n, 0, n - 8, 9, 8);
        region(function, n, 6, 9, 1, n - 17);
        region(function, n, 9, 6, n - 17, 1);
        int[] centers = version.getAlignmentPatternCenters();
        int last = centers.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean onFinder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if (!onFinder) {
                    region(function, n, centers[j] - 2, centers[i] - 2, 5, 5);
                }
            }
        }
        if (version.getVersionNumber() >= 7) {
            region(function, n, n - 11, 0, 3, 6);
            region(function, n, 0, n - 11, 6, 3);
        }
        return function;
    }

    private static void region(boolean[] modules, int n, int left, int top, int width, int height) {
        for (int y = top; y < top + height; y++) {
            java.util.Arrays.fill(modules, y * n + left, y * n + left + width, true);
        }
    }

    /** XORs mask {@code mask} onto the data modules (clause 7.8.2, table 10; i = row, j = column). */
    private static void applyMask(byte[] modules, boolean[] function, int n, int mask) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int index = i * n + j;
                if (!function[index] && masked(mask, i, j)) {
                    modules[index] ^= 1;
                }
            }
        }
    }

    private static boolean masked(int mask, int i, int j) {
        return switch (mask) {
            case 0 -> ((i + j) & 1) == 0;
            case 1 -> (i & 1) == 0;
            case 2 -> j % 3 == 0;
            case 3 -> (i + j) % 3 == 0;
            case 4 -> (((i / 2) + (j / 3)) & 1) == 0;
            case 5 -> ((i * j) & 1) + (i * j) % 3 == 0;
            case 6 -> ((((i * j) & 1) + (i * j) % 3) & 1) == 0;
            case 7 -> ((((i * j) % 3) + ((i + j) & 1)) & 1) == 0;
            default -> throw new IllegalArgumentException("mask " + mask);
        };
    }

    /** The 15 format bits for this level and mask, in both copies (clause 7.9). */
    private static void writeFormat(byte[] modules, int n, ErrorCorrectionLevel level, int mask) {
        int format = formatBits(level, mask);
        for (int i = 0; i < 15; i++) {
            byte bit = (byte) ((format >>> i) & 1);
            for (int[] at : formatPositions(n, i)) {
                modules[at[1] * n + at[0]] = bit;
            }
        }
    }

    /** The format information: level and mask with their BCH(15,5) check bits, masked. */
    private static int formatBits(ErrorCorrectionLevel level, int mask) {
        int info = (level.getBits() << 3) | mask;
        int remainder = info << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if ((remainder >>> bit & 1) != 0) {
                remainder ^= FORMAT_GENERATOR << (bit - 10);
            }
        }
        return ((info << 10) | remainder) ^ FORMAT_MASK;
    }

    /** The two (x, y) positions of format bit {@code i} (least significant first). */
    private static int[][] formatPositions(int n, int i) {
        int[] second = i < 8 ? new int[] {n - i - 1, 8} : new int[] {8, n - 7 + (i - 8)};
        return new int[][] {FORMAT_FIRST[i], second};
    }

    /**
     * The same choice on bit rows and bit columns, one {@code long} each (symbols of up to 63
     * modules a side, versions 1 to 11, as a label's URI needs): each rule is a few shifts, ANDs and
     * bit counts per line instead of a visit of every module.
     */
    private static final class Words {

        static final int MAX_SIDE = 63;

        /** Per version: what does not depend on the symbol's data. */
        private static final Layout[] LAYOUTS = new Layout[12];

        private record Layout(int n, long[][] maskRows, long[][] maskColumns, long[] formatRows, long[] formatColumns,
                long[][][] formatBitRows, long[][][] formatBitColumns) {

            static Layout of(Version version) {
                int n = version.getDimensionForVersion();
                boolean[] function = functionModules(version, n);
                long[][] maskRows = new long[8][n];
                long[][] maskColumns = new long[8][n];
                for (int mask = 0; mask < 8; mask++) {
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            if (!function[y * n + x] && masked(mask, y, x)) {
                                maskRows[mask][y] |= 1L << x;
                                maskColumns[mask][x] |= 1L << y;
                            }
                        }
                    }
                }
                long[] formatRows = new long[n];
                long[] formatColumns = new long[n];
                ErrorCorrectionLevel[] levels = ErrorCorrectionLevel.values();
                long[][][] bitRows = new long[levels.length][8][n];
                long[][][] bitColumns = new long[levels.length][8][n];
                for (int i = 0; i < 15; i++) {
                    for (int[] at : formatPositions(n, i)) {
                        formatRows[at[1]] |= 1L << at[0];
                        formatColumns[at[0]] |= 1L << at[1];
                        for (ErrorCorrectionLevel level : levels) {
                            for (int mask = 0; mask < 8; mask++) {
                                if ((formatBits(level, mask) >>> i & 1) != 0) {
                                    bitRows[level.ordinal()][mask][at[1]] |= 1L << at[0];
                                    bitColumns[level.ordinal()][mask][at[0]] |= 1L << at[1];
                                }
                            }
                        }
                    }
                }
                return new Layout(n, maskRows, maskColumns, formatRows, formatColumns, bitRows, bitColumns);
            }
        }

        private static Layout layout(Version version) {
            int number = version.getVersionNumber();
            Layout layout = LAYOUTS[number];
            if (layout == null) {
                layout = Layout.of(version); // immutable once built: a race builds an equal one
                LAYOUTS[number] = layout;
            }
            return layout;
        }

        static byte[] best(ByteMatrix maskZero, ErrorCorrectionLevel level, Version version) {
            Layout layout = layout(version);
            int n = layout.n();
            // The symbol without mask and without format bits, by rows and by columns.
            long[] baseRows = new long[n];
            long[] baseColumns = new long[n];
            byte[][] array = maskZero.getArray();
            for (int y = 0; y < n; y++) {
                byte[] row = array[y];
                for (int x = 0; x < n; x++) {
                    if (row[x] == 1) {
                        baseRows[y] |= 1L << x;
                        baseColumns[x] |= 1L << y;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                baseRows[i] = (baseRows[i] ^ layout.maskRows()[0][i]) & ~layout.formatRows()[i];
                baseColumns[i] = (baseColumns[i] ^ layout.maskColumns()[0][i]) & ~layout.formatColumns()[i];
            }
            long[] rows = new long[n];
            long[] columns = new long[n];
            int bestMask = -1;
            int bestPenalty = Integer.MAX_VALUE;
            for (int mask = 0; mask < 8; mask++) {
                remask(layout, level, mask, baseRows, baseColumns, rows, columns);
                int penalty = penalty(rows, columns, n);
                if (penalty < bestPenalty) {
                    bestPenalty = penalty;
                    bestMask = mask;
                }
            }
            remask(layout, level, bestMask, baseRows, baseColumns, rows, columns);
            byte[] modules = new byte[n * n];
            for (int y = 0; y < n; y++) {
                long row = rows[y];
                for (int x = 0; x < n; x++) {
                    modules[y * n + x] = (byte) ((row >>> x) & 1);
                }
            }
            return modules;
        }

        private static void remask(Layout layout, ErrorCorrectionLevel level, int mask, long[] baseRows,
                long[] baseColumns, long[] rows, long[] columns) {
            long[] maskRows = layout.maskRows()[mask];
            long[] maskColumns = layout.maskColumns()[mask];
            long[] formatRows = layout.formatBitRows()[level.ordinal()][mask];
            long[] formatColumns = layout.formatBitColumns()[level.ordinal()][mask];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = baseRows[i] ^ maskRows[i] | formatRows[i];
                columns[i] = baseColumns[i] ^ maskColumns[i] | formatColumns[i];
            }
        }

        private static long low(int bits) {
            return (1L << bits) - 1;
        }

        static int penalty(long[] rows, long[] columns, int n) {
            long all = low(n);
            int runs = 0;
            int finders = 0;
            int blocks = 0;
            int dark = 0;
            for (int i = 0; i < n; i++) {
                runs += runs(rows[i], n) + runs(columns[i], n);
                finders += finders(rows[i], all, n) + finders(columns[i], all, n);
                dark += Long.bitCount(rows[i]);
                if (i < n - 1) {
                    long a = rows[i];
                    long c = rows[i + 1];
                    blocks += Long.bitCount(~(a ^ (a >>> 1)) & ~(a ^ c) & ~(c ^ (c >>> 1)) & low(n - 1));
                }
            }
            int total = n * n;
            return runs + N2 * blocks + N3 * finders + Math.abs(dark * 2 - total) * 10 / total * N4;
        }

        /** Rule 1 on one line: a run of L ≥ 5 scores L − 2, i.e. one per 5-window in it plus 2 per run. */
        private static int runs(long line, int n) {
            long same = ~(line ^ (line >>> 1)) & low(n - 1);
            long five = same & (same >>> 1) & (same >>> 2) & (same >>> 3);
            return Long.bitCount(five) + 2 * Long.bitCount(five & ~(five << 1));
        }

        /** Rule 3 on one line: 1011101 with four light modules of the symbol before or after it. */
        private static int finders(long line, long all, int n) {
            long pattern = line & ~(line >>> 1) & (line >>> 2) & (line >>> 3) & (line >>> 4) & ~(line >>> 5) & (line >>> 6)
                    & low(n - 6);
            if (pattern == 0) {
                return 0;
            }
            long light = ~line & all;
            long fourLight = light & (light >>> 1) & (light >>> 2) & (light >>> 3) & low(n - 3);
            return Long.bitCount(pattern & ((fourLight << 4) | (fourLight >>> 7)));
        }
    }

    /** The sum of the four penalty scores (clause 7.8.3), computed as ZXing computes them. */
    static int penalty(byte[] m, int n) {
        return runs(m, n) + blocks(m, n) + finderLike(m, n) + balance(m, n);
    }

    /** Rule 1: five or more same-coloured modules in a row or column: 3 + (run − 5). */
    private static int runs(byte[] m, int n) {
        int penalty = 0;
        for (int i = 0; i < n; i++) {
            int rowRun = 1;
            int columnRun = 1;
            for (int j = 1; j < n; j++) {
                if (m[i * n + j] == m[i * n + j - 1]) {
                    rowRun++;
                } else {
                    penalty += runPenalty(rowRun);
                    rowRun = 1;
                }
                if (m[j * n + i] == m[(j - 1) * n + i]) {
                    columnRun++;
                } else {
                    penalty += runPenalty(columnRun);
                    columnRun = 1;
                }
            }
            penalty += runPenalty(rowRun) + runPenalty(columnRun);
        }
        return penalty;
    }

    private static int runPenalty(int run) {
        return run >= 5 ? N1 + run - 5 : 0;
    }

    /** Rule 2: every 2×2 block of one colour (overlapping blocks counted each). */
    private static int blocks(byte[] m, int n) {
        int count = 0;
        for (int y = 0; y < n - 1; y++) {
            int row = y * n;
            for (int x = 0; x < n - 1; x++) {
                int v = m[row + x];
                if (v == m[row + x + 1] && v == m[row + n + x] && v == m[row + n + x + 1]) {
                    count++;
                }
            }
        }
        return N2 * count;
    }

    /**
     * Rule 3: dark-light-dark-dark-dark-light-dark with four light modules of the symbol on either
     * side, in a row or a column.
     */
    private static int finderLike(byte[] m, int n) {
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (x + 6 < n && finderAt(m, y * n + x, 1)
                        && (light(m, y * n, 1, x - 4, x, n) || light(m, y * n, 1, x + 7, x + 11, n))) {
                    count++;
                }
                if (y + 6 < n && finderAt(m, y * n + x, n)
                        && (light(m, x, n, y - 4, y, n) || light(m, x, n, y + 7, y + 11, n))) {
                    count++;
                }
            }
        }
        return N3 * count;
    }

    private static boolean finderAt(byte[] m, int start, int step) {
        return m[start] == 1 && m[start + step] == 0 && m[start + 2 * step] == 1 && m[start + 3 * step] == 1
                && m[start + 4 * step] == 1 && m[start + 5 * step] == 0 && m[start + 6 * step] == 1;
    }

    /**
     * Whether the modules {@code from} (inclusive) to {@code to} (exclusive) of a line are light; a
     * stretch that leaves the symbol is not (ZXing 3.5 does not count the quiet zone).
     */
    private static boolean light(byte[] m, int base, int step, int from, int to, int n) {
        if (from < 0 || to > n) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (m[base + k * step] == 1) {
                return false;
            }
        }
        return true;
    }

    /** Rule 4: 10 for every full 5 % the share of dark modules is away from 50 %. */
    private static int balance(byte[] m, int n) {
        int dark = 0;
        for (byte module : m) {
            dark += module;
        }
        int total = n * n;
        return Math.abs(dark * 2 - total) * 10 / total * N4;
    }
}
