package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelVerifier;

class QrImagesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheLabelBackFromARenderedPngFile() throws IOException {
        DigitalLink label = QrCodeTest.signedLabel();
        Path png = dir.resolve("label.png");
        Files.write(png, QrCode.of(label, ErrorCorrection.M).toPng(3));
        assertThat(QrImages.decode(png)).contains(label.toUri());
    }

    @Test
    void readsALabelPhotographedAtAnAngleOnAGreyBackground() throws IOException {
        DigitalLink label = QrCodeTest.signedLabel();
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrCode.of(label, ErrorCorrection.Q).toPng(6)));
        BufferedImage photo = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(12), 450, 350);
        g.drawImage(code, 450 - code.getWidth() / 2, 350 - code.getHeight() / 2, null);
        g.dispose();
        String decoded = QrImages.decode(photo).orElseThrow();
        assertThat(decoded).isEqualTo(label.toUri());
        assertThat(new LabelVerifier(List.of(QrCodeTest.KEY.verificationKey())).verify(decoded).isGenuine()).isTrue();
    }

    @Test
    void findsNothingInAnImageWithoutQrCodeAndRejectsFilesThatAreNoImages() throws IOException {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        assertThat(QrImages.decode(blank)).isEmpty();
        Path text = dir.resolve("not-an-image.png");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> QrImages.decode(text)).isInstanceOf(IOException.class).hasMessageContaining("not an image");
    }
}
