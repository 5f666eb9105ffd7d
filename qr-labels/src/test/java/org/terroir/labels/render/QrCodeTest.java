package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.SigningKey;

class QrCodeTest {

    /** A fixed key (RFC 8032 TEST 1, public): Ed25519 is deterministic, so every run draws the same symbols. */
    static final SigningKey KEY = SigningKey.ed25519FromSeed(
            java.util.HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    static DigitalLink signedLabel() {
        return new LabelSigner(KEY).sign(DigitalLink.parse(
                "https://id.example.cn/01/09520001000010/10/L2611A/21/S000123?11=261120&17=270500"));
    }

    static String decodeWithZxing(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void zxingDecodesTheRenderedPngBackToTheSignedLabel(ErrorCorrection level) throws Exception {
        DigitalLink label = signedLabel();
        QrCode code = QrCode.of(label, level);
        String decoded = decodeWithZxing(code.toPng(4));
        assertThat(decoded).isEqualTo(label.toUri());
        assertThat(new LabelVerifier(List.of(KEY.verificationKey())).verify(decoded).isGenuine()).isTrue();
    }

    @Test
    void higherErrorCorrectionNeedsALargerSymbol() {
        String uri = signedLabel().toUri();
        int[] versions = new int[ErrorCorrection.values().length];
        for (ErrorCorrection level : ErrorCorrection.values()) {
            QrCode code = QrCode.of(uri, level);
            versions[level.ordinal()] = code.version();
            assertThat(code.size()).isEqualTo(17 + 4 * code.version());
        }
        assertThat(versions).isSorted();
        assertThat(versions[ErrorCorrection.H.ordinal()]).isGreaterThan(versions[ErrorCorrection.L.ordinal()]);
    }

    @Test
    void keepsAQuietZoneOfFourWhiteModules() throws IOException {
        QrCode code = QrCode.of(signedLabel(), ErrorCorrection.M);
        int scale = 3;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.toPng(scale)));
        int side = (code.size() + 8) * scale;
        assertThat(image.getWidth()).isEqualTo(side);
        assertThat(image.getHeight()).isEqualTo(side);
        int margin = 4 * scale;
        for (int i = 0; i < side; i++) {
            for (int m = 0; m < margin; m++) {
                assertThat(image.getRGB(i, m) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(m, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(i, side - 1 - m) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(side - 1 - m, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
        assertThat(image.getRGB(margin, margin) & 0xFFFFFF).as("finder pattern corner").isZero();
        assertThat(code.isDark(0, 0)).isTrue();
    }

    @Test
    void drawsTheSameModulesInSvgAsInPng() throws Exception {
        QrCode code = QrCode.of(signedLabel(), ErrorCorrection.M);
        String svg = code.toSvg();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        int side = code.size() + 8;
        assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + side + " " + side);
        String d = ((org.w3c.dom.Element) document.getElementsByTagName("path").item(0)).getAttribute("d");
        boolean[][] drawn = new boolean[side][side];
        var run = java.util.regex.Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(d);
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                drawn[y][x + i] = true;
            }
        }
        assertThat(end).isEqualTo(d.length());
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inside = x >= 4 && y >= 4 && x < side - 4 && y < side - 4;
                assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(inside && code.isDark(x - 4, y - 4));
            }
        }
    }

    @Test
    void rejectsTextThatIsNotAsciiAndBadLayouts() {
        assertThatThrownBy(() -> QrCode.of("https://例子.cn/01/09520001000010", ErrorCorrection.M))
                .hasMessageContaining("ASCII");
        assertThatThrownBy(() -> QrCode.of("x".repeat(3000), ErrorCorrection.H)).hasMessageContaining("does not fit");
        QrCode code = QrCode.of("https://id.example.cn/01/09520001000010", ErrorCorrection.M);
        assertThatThrownBy(() -> code.toPng(0)).hasMessageContaining("scale must be 1 to 100");
        assertThatThrownBy(() -> code.toSvg(-1)).hasMessageContaining("quiet zone");
    }
}
