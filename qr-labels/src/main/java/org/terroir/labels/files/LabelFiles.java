package org.terroir.labels.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.render.ErrorCorrection;
import org.terroir.labels.render.LabelSheet;
import org.terroir.labels.render.LabelText;
import org.terroir.labels.render.QrCode;
import org.terroir.labels.render.QrImages;

/**
 * The files of signed labels: issued labels written as a print-ready PDF sheet or as PNG and SVG
 * images, with {@value #URIS} (their URIs, one a line) and {@value #COMMISSIONING} (the EPCIS event
 * that commissions their serials) beside them; and a label read back from its URI or an image of
 * its QR code. Existing files are never overwritten.
 */
public final class LabelFiles {

    /** The file of the commissioning events written beside the labels. */
    public static final String COMMISSIONING = "commissioning.jsonld";
    /** The file of the issued label URIs, one a line, written beside the labels. */
    public static final String URIS = "labels.txt";

    private LabelFiles() {
    }

    /**
     * How labels are drawn: a PDF sheet's writer and text, each made only once nothing is in the
     * way; the QR codes' error correction; the pixels per module of PNG images.
     */
    public record Drawing(Supplier<LabelSheet> sheet, Supplier<LabelText> text, ErrorCorrection errorCorrection, int scale) {}

    /** What was written: the labels (the PDF's pages or the images' folder), and the two files beside them. */
    public record Written(String labels, Path uris, Path commissioning) {}

    /**
     * Writes signed labels to {@code out}, a PDF sheet ({@code .pdf}) or else a folder of one PNG and
     * SVG pair per label, and {@value #URIS} and {@value #COMMISSIONING} beside them.
     *
     * @throws IllegalArgumentException when a file to write exists, or two labels would share a file name
     */
    public static Written write(List<DigitalLink> labels, Path out, Drawing drawing, CommissioningDocument commissioning)
            throws IOException {
        boolean pdf = out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        Path folder = !pdf ? out : out.getParent() != null ? out.getParent() : Path.of(".");
        Files.createDirectories(folder);
        Path commissioningFile = folder.resolve(COMMISSIONING);
        Path uris = folder.resolve(URIS);
        PemFiles.requireAbsent(commissioningFile);
        PemFiles.requireAbsent(uris);
        String written;
        if (pdf) {
            PemFiles.requireAbsent(out);
            LabelSheet sheet = drawing.sheet().get().withErrorCorrection(drawing.errorCorrection());
            LabelText text = drawing.text().get();
            Files.write(out, sheet.render(labels, text));
            written = out + " (" + ((labels.size() + LabelSheet.COLUMNS * LabelSheet.ROWS - 1) / (LabelSheet.COLUMNS * LabelSheet.ROWS)) + " page(s))";
        } else {
            Set<String> names = new HashSet<>();
            for (DigitalLink label : labels) {
                String name = fileName(label);
                if (!names.add(name)) {
                    throw new IllegalArgumentException("two serials give the same file name " + name + "; use a PDF sheet");
                }
                PemFiles.requireAbsent(folder.resolve(name + ".png"));
            }
            labels.parallelStream().forEach(label -> {
                QrCode qr = QrCode.of(label, drawing.errorCorrection());
                String name = fileName(label);
                try {
                    Files.write(folder.resolve(name + ".png"), qr.toPng(drawing.scale()));
                    Files.writeString(folder.resolve(name + ".svg"), qr.toSvg(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            written = folder + " (" + labels.size() + " PNG and SVG pairs)";
        }
        StringBuilder lines = new StringBuilder(labels.size() * 160);
        labels.forEach(l -> lines.append(l.toUri()).append('\n'));
        Files.writeString(uris, lines, StandardCharsets.UTF_8);
        Files.writeString(commissioningFile, commissioning.toJson(OffsetDateTime.now(LabelVerifier.CHINA)), StandardCharsets.UTF_8);
        return new Written(written, uris, commissioningFile);
    }

    private static String fileName(DigitalLink label) {
        String serial = label.serial().orElseThrow().value();
        return label.gtin().value() + "-" + serial.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The label URI a user gives: a Digital Link as it is, else the QR code decoded from the image
     * file (PNG, JPEG) of that name.
     *
     * @throws NoSuchFileException when it is neither a URI nor a file
     * @throws IllegalArgumentException when the file is no image or shows no QR code
     */
    public static String readLabel(String uriOrImage) throws IOException {
        Path file = uriOrImage.contains("://") ? null : Path.of(uriOrImage);
        if (file == null) {
            return uriOrImage;
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(uriOrImage + " (neither a Digital Link URI nor an image file)");
        }
        Optional<String> decoded;
        try {
            decoded = QrImages.decode(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // not an image: unusable input
        }
        return decoded.orElseThrow(() -> new IllegalArgumentException("no QR code found in " + file));
    }
}
