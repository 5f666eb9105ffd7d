package org.terroir.labels.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the QR code of a label from an image: a rendered PNG or a photo of a printed label. */
public final class QrImages {

    private QrImages() {
    }

    /**
     * The text of the QR code in an image file (PNG, JPEG, GIF, BMP), or empty if none is found.
     *
     * @throws IOException if the file cannot be read or is no image
     */
    public static Optional<String> decode(Path image) throws IOException {
        BufferedImage read;
        try (var in = Files.newInputStream(image)) {
            read = ImageIO.read(in);
        }
        if (read == null) {
            throw new IOException(image + " is not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        return decode(read);
    }

    /**
     * The text of the QR code in an image, or empty if none is found. Tries the image as a clean
     * rendering first, then harder as a photo.
     */
    public static Optional<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        for (boolean pure : new boolean[] {true, false}) {
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            if (pure) {
                hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
            }
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
            } catch (NotFoundException e) {
                // try the next way
            } catch (ReaderException e) {
                // found but unreadable (checksum, format): try the next way
            }
        }
        return Optional.empty();
    }
}
