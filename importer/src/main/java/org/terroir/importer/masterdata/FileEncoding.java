package org.terroir.importer.masterdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the bytes of one master-data CSV file become text. Excel saves "CSV" as GBK when it runs in
 * Chinese and "CSV UTF-8" as UTF-8 starting with a byte-order mark; other tools write UTF-8 without
 * one. Unless an encoding is given, a file starting with the mark is UTF-8, a file that decodes as
 * UTF-8 is UTF-8, and any other file is GB18030, which includes GBK. The mark is skipped, never read
 * as part of the first column's name.
 *
 * @param file the file
 * @param charset what its bytes are decoded with
 * @param byteOrderMark whether it starts with the UTF-8 byte-order mark {@code EF BB BF}
 * @param given whether the charset was given ({@code --encoding}) rather than detected
 */
public record FileEncoding(Path file, Charset charset, boolean byteOrderMark, boolean given) {

    /** Excel's Chinese "CSV": GB18030, a superset of GBK. */
    static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a decoder puts where bytes do not decode. */
    static final char UNDECODABLE = '\uFFFD';

    /**
     * The encoding of {@code file}: {@code given} if present, else detected.
     *
     * @throws IllegalArgumentException if the file starts with a UTF-8 byte-order mark but another
     *     encoding is given: decoding it so would garble every name
     */
    static FileEncoding of(Path file, Optional<Charset> given) throws IOException {
        boolean mark;
        try (InputStream in = Files.newInputStream(file)) {
            mark = Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM);
        }
        if (given.isPresent()) {
            if (mark && !given.get().equals(StandardCharsets.UTF_8)) {
                throw new IllegalArgumentException("starts with a UTF-8 byte-order mark (Excel's \"CSV UTF-8\"), but the encoding "
                        + given.get().name() + " was given; leave --encoding out or give UTF-8");
            }
            return new FileEncoding(file, given.get(), mark, true);
        }
        return new FileEncoding(file, mark || decodesAsUtf8(file) ? StandardCharsets.UTF_8 : GB18030, mark, false);
    }

    /** Whether every byte of {@code file} decodes as UTF-8 (strict: a malformed sequence is an error, not replaced). */
    private static boolean decodesAsUtf8(Path file) throws IOException {
        try (Reader strict = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            char[] buffer = new char[8192];
            while (strict.read(buffer) >= 0) {
                // only whether it decodes matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The file's text, the byte-order mark skipped; bytes that do not decode read as {@link #UNDECODABLE}. */
    Reader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (byteOrderMark) {
                in.skipNBytes(UTF8_BOM.length);
            }
            return new BufferedReader(new InputStreamReader(in, charset));
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** UTF-8 without a byte-order mark, detected: nothing worth saying in an import's output. */
    public boolean plainUtf8() {
        return charset.equals(StandardCharsets.UTF_8) && !byteOrderMark && !given;
    }

    /** Says why a cell holding bytes that do not decode (or U+FFFD) is rejected, and what to do. */
    String undecodable() {
        if (given) {
            return "bytes that are not " + charset.name() + " (the encoding given): is the file in another encoding?"
                    + " Without --encoding, UTF-8 and GBK are recognised";
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "bytes that are not UTF-8" + (byteOrderMark ? ", though the file starts with a UTF-8 byte-order mark" : "")
                    + " (or the replacement character U+FFFD)";
        }
        return "bytes that are neither UTF-8 nor GB18030 (GBK): save the sheet as \"CSV UTF-8\", or give its encoding with --encoding";
    }

    /** E.g. {@code GB18030 (GBK), as the file is not UTF-8}; {@code UTF-8 with a byte-order mark}; {@code Big5, as given}. */
    @Override
    public String toString() {
        String name = charset.equals(GB18030) ? "GB18030 (GBK)" : charset.name();
        if (byteOrderMark) {
            name += " with a byte-order mark";
        }
        if (given) {
            return name + ", as given";
        }
        return charset.equals(GB18030) ? name + ", as the file is not UTF-8" : name;
    }
}
