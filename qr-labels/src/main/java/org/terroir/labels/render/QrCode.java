package org.terroir.labels.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import org.terroir.labels.DigitalLink;

/**
 * A QR code symbol (ISO/IEC 18004, encoded by ZXing) of a label's Digital Link URI, drawn as PNG
 * or SVG with a quiet zone (white margin) of {@value #DEFAULT_QUIET_ZONE} modules by default, the
 * minimum the standard asks for. The URI is ASCII and encoded in byte mode.
 */
public final class QrCode {

    /** The quiet zone the QR standard requires, in modules. */
    public static final int DEFAULT_QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> MASK_ZERO =
            Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1", EncodeHintType.QR_MASK_PATTERN, 0);

    private final String text;
    private final ErrorCorrection errorCorrection;
    private final byte[] modules; // row by row, 1 = dark
    private final int size;
    private final int version;

    private QrCode(String text, ErrorCorrection errorCorrection, byte[] modules, int size, int version) {
        this.text = text;
        this.errorCorrection = errorCorrection;
        this.modules = modules;
        this.size = size;
        this.version = version;
    }

    /** The QR code of a label's URI. */
    public static QrCode of(DigitalLink label, ErrorCorrection errorCorrection) {
        return of(label.toUri(), errorCorrection);
    }

    /**
     * The QR code of an ASCII text.
     *
     * @throws IllegalArgumentException if the text is empty, not ASCII, or too long for a QR code at this level
     */
    public static QrCode of(String text, ErrorCorrection errorCorrection) {
        Objects.requireNonNull(errorCorrection, "errorCorrection");
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("QR text must be non-empty ASCII (a Digital Link URI), got "
                    + (text == null ? "null" : "\"" + text + "\""));
        }
        try {
            ErrorCorrectionLevel level = ErrorCorrectionLevel.valueOf(errorCorrection.name());
            // ZXing encodes with mask 0; MaskChoice then picks the mask ZXing would have picked, faster.
            var code = Encoder.encode(text, level, MASK_ZERO);
            ByteMatrix matrix = code.getMatrix();
            byte[] modules = MaskChoice.best(matrix, level, code.getVersion());
            return new QrCode(text, errorCorrection, modules, matrix.getWidth(), code.getVersion().getVersionNumber());
        } catch (WriterException e) {
            throw new IllegalArgumentException("text of " + text.length() + " characters does not fit a QR code at level "
                    + errorCorrection + ": " + e.getMessage(), e);
        }
    }

    /** The encoded text. */
    public String text() {
        return text;
    }

    /** The error correction level. */
    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /** The QR version, 1 to 40. */
    public int version() {
        return version;
    }

    /** Modules per side, without quiet zone: {@code 17 + 4 * version}. */
    public int size() {
        return size;
    }

    /** Whether the module at column {@code x}, row {@code y} is dark. */
    public boolean isDark(int x, int y) {
        java.util.Objects.checkIndex(x, size);
        return modules[java.util.Objects.checkIndex(y, size) * size + x] == 1;
    }

    /** A black-on-white image, {@code scale} pixels per module, with the given quiet zone in modules. */
    public BufferedImage toImage(int scale, int quietZone) {
        requireLayout(scale, quietZone);
        int side = (size() + 2 * quietZone) * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        // 1 bit a pixel, most significant first, 1 = white: write the rows straight into the raster.
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (side + 7) / 8;
        java.util.Arrays.fill(pixels, (byte) 0xFF);
        for (int y = 0; y < size(); y++) {
            for (int x = 0; x < size(); x++) {
                if (modules[y * size + x] == 0) {
                    continue;
                }
                for (int py = (y + quietZone) * scale; py < (y + quietZone + 1) * scale; py++) {
                    for (int px = (x + quietZone) * scale; px < (x + quietZone + 1) * scale; px++) {
                        pixels[py * stride + px / 8] &= (byte) ~(0x80 >>> (px % 8));
                    }
                }
            }
        }
        return image;
    }

    /** PNG bytes, {@code scale} pixels per module, quiet zone of {@value #DEFAULT_QUIET_ZONE} modules. */
    public byte[] toPng(int scale) {
        return toPng(scale, DEFAULT_QUIET_ZONE);
    }

    /** PNG bytes (1-bit grey), {@code scale} pixels per module, the given quiet zone in modules. */
    public byte[] toPng(int scale, int quietZone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(toImage(scale, quietZone), "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** SVG text with a quiet zone of {@value #DEFAULT_QUIET_ZONE} modules. */
    public String toSvg() {
        return toSvg(DEFAULT_QUIET_ZONE);
    }

    /**
     * SVG text: one unit per module, a white background and one path of dark runs, sized by its
     * {@code viewBox} so it scales to any print size without blur.
     */
    public String toSvg(int quietZone) {
        requireLayout(1, quietZone);
        int side = size() + 2 * quietZone;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size(); y++) {
            for (int x = 0; x < size(); x++) {
                if (modules[y * size + x] == 0) {
                    continue;
                }
                int run = 1;
                while (x + run < size() && modules[y * size + x + run] == 1) {
                    run++;
                }
                path.append('M').append(x + quietZone).append(' ').append(y + quietZone)
                        .append('h').append(run).append("v1h-").append(run).append('z');
                x += run - 1;
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + ' ' + side
                + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>\n"
                + "<path fill=\"#000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    private static void requireLayout(int scale, int quietZone) {
        if (scale < 1 || scale > 100) {
            throw new IllegalArgumentException("scale must be 1 to 100 pixels per module, got " + scale);
        }
        if (quietZone < 0 || quietZone > 40) {
            throw new IllegalArgumentException("quiet zone must be 0 to 40 modules, got " + quietZone
                    + " (the QR standard asks for at least 4)");
        }
    }

    @Override
    public String toString() {
        return "QrCode[version " + version + ", level " + errorCorrection + ", " + size() + "x" + size() + ": " + text + "]";
    }
}
