package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelSigner;

/** {@link QrCode} gives exactly the symbol ZXing's encoder gives, mask included, for any text at any level. */
class MaskChoiceTest {

    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

    private static ByteMatrix zxing(String text, ErrorCorrection level) throws Exception {
        return Encoder.encode(text, ErrorCorrectionLevel.valueOf(level.name()), Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"))
                .getMatrix();
    }

    private static void assertSameSymbol(String text, ErrorCorrection level) throws Exception {
        ByteMatrix expected = zxing(text, level);
        QrCode code = QrCode.of(text, level);
        assertThat(code.size()).as(text).isEqualTo(expected.getWidth());
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.isDark(x, y) != (expected.get(x, y) == 1)) {
                    throw new AssertionError("module (" + x + ", " + y + ") of the " + level + " symbol of \"" + text
                            + "\" differs from ZXing's");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void randomTextsOfEveryLengthGiveZxingsSymbolWithEveryMaskChosen(ErrorCorrection level) throws Exception {
        Random random = new Random(20261123L + level.ordinal());
        Set<Integer> versions = new TreeSet<>();
        int maxLength = switch (level) {
            case L -> 1000;
            case M -> 800;
            case Q -> 560;
            case H -> 420;
        };
        for (int i = 0; i < 600; i++) {
            int length = 1 + random.nextInt(i < 400 ? 300 : maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                text.append(URI_CHARACTERS.charAt(random.nextInt(URI_CHARACTERS.length())));
            }
            assertSameSymbol(text.toString(), level);
            versions.add(QrCode.of(text.toString(), level).version());
        }
        // Small and large symbols, with and without version information (7 and up).
        assertThat(versions).contains(1, 2, 6, 7, 10).anyMatch(v -> v >= 20);
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void signedLabelsOfASheetGiveZxingsSymbol(ErrorCorrection level) throws Exception {
        LabelSigner signer = new LabelSigner(QrCodeTest.KEY);
        for (int serial = 1; serial <= 240; serial++) {
            DigitalLink label = signer.sign(DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L2611A/21/S"
                    + String.format("%06d", serial) + "?11=261120&17=270500"));
            assertSameSymbol(label.toUri(), level);
        }
    }
}
