package org.terroir.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV files written as Excel (zh-CN) saves a sheet: "CSV" in GBK, "CSV UTF-8" in UTF-8 after a
 * byte-order mark; every line, the last one too, ended by CR LF.
 */
public enum ExcelCsv {
    /** Excel's "CSV" in Chinese Windows: GBK. */
    GBK(Charset.forName("GBK"), false),
    /** Excel's "CSV UTF-8": a byte-order mark, then UTF-8. */
    UTF8_WITH_BOM(StandardCharsets.UTF_8, true),
    /** UTF-8 without a byte-order mark, as most other tools write it. */
    UTF8(StandardCharsets.UTF_8, false);

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static final String PRODUCERS_HEADER = "household_id,name,phone,registered_poor,village_code";

    private final Charset charset;
    private final boolean byteOrderMark;

    ExcelCsv(Charset charset, boolean byteOrderMark) {
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    public Charset charset() {
        return charset;
    }

    /** The bytes Excel would save for {@code lines}. */
    public byte[] bytes(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (byteOrderMark) {
            bytes.writeBytes(BOM);
        }
        for (String line : lines) {
            bytes.writeBytes((line + "\r\n").getBytes(charset));
        }
        return bytes.toByteArray();
    }

    /** Writes {@code lines} to {@code file} as Excel would save them. */
    public Path write(Path file, String... lines) throws IOException {
        return Files.write(file, bytes(lines));
    }
}
