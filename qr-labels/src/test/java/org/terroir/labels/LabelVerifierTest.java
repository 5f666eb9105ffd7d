package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terroir.labels.Verdict.Reason;
import org.terroir.labels.internal.Base64Url;
import org.terroir.model.id.GS1;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

class LabelVerifierTest {

    static Stream<SignatureAlgorithm> algorithms() {
        return SigningKeyTest.algorithms();
    }

    private static DigitalLink unsignedLabel() {
        return DigitalLink.of("https://id.example.cn", Gtin.of("09520001000010"), LotNumber.of("L2611A"),
                SerialNumber.of("S000123")).withProductionDate("261120").withPackagingDate("261121").withExpiryDate("270500");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void findsASignedLabelGenuineWhateverTheHost(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        DigitalLink signed = new LabelSigner(key).sign(unsignedLabel());
        LabelVerifier verifier = new LabelVerifier(List.of(SigningKey.generate(algorithm).verificationKey(), key.verificationKey()));

        assertThat(signed.digitalSignature()).get().asString().hasSize(90);
        assertThat(verifier.verify(signed.toUri())).isEqualTo(new Verdict.Genuine(signed, key.verificationKey(), java.util.Optional.empty()));
        assertThat(verifier.verify(signed.withBase("http://mirror.example.org/terroir").toUri()).isGenuine())
                .as("the resolver host is not signed").isTrue();
        assertThat(verifier.verify(signed.toUri() + "&utm_source=wechat#x").isGenuine()).isTrue();
    }

    @Test
    void saysUnknownSignerWhenNoTrustedKeyHasTheCertificateId() {
        DigitalLink signed = new LabelSigner(SigningKey.generate(SignatureAlgorithm.ED25519)).sign(unsignedLabel());
        Verdict verdict = new LabelVerifier(List.of(SigningKey.generate(SignatureAlgorithm.ED25519).verificationKey()))
                .verify(signed);
        assertThat(verdict).isInstanceOf(Verdict.NotGenuine.class);
        assertThat(((Verdict.NotGenuine) verdict).reason()).isEqualTo(Reason.UNKNOWN_SIGNER);
        assertThat(verdict.toString()).startsWith("not genuine: unknown signer");
    }

    @Test
    void saysTamperedWhenAnAiValueChanged() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        DigitalLink signed = new LabelSigner(key).sign(unsignedLabel());
        DigitalLink copied = signed.withExpiryDate("291231");
        Verdict verdict = new LabelVerifier(List.of(key.verificationKey())).verify(copied);
        assertThat(verdict.toString()).startsWith("not genuine: tampered");
    }

    @Test
    void saysMalformedForUnsignedOrUnreadableLabelsAndNeverThrows() {
        LabelVerifier verifier = new LabelVerifier(List.of(SigningKey.generate(SignatureAlgorithm.ED25519).verificationKey()));
        for (String input : new String[] {null, "", "not a uri", "https://id.example.cn/01/09520001000010/21/S1?11=261120",
                "https://id.example.cn/01/09520001000010/21/S1?8030=" + "A".repeat(90),
                "https://id.example.cn/01/09520001000010/21/S1?11=261120&8030=" + "A".repeat(89) + "B",
                "urn:epc:id:sgtin:9520001.000001.S1", "https://id.example.cn/01/09520001000010/21/S1?11=261120&8030=%"}) {
            Verdict verdict = verifier.verify(input);
            assertThat(verdict).as(input).isInstanceOfSatisfying(Verdict.NotGenuine.class,
                    v -> assertThat(v.reason()).isEqualTo(Reason.MALFORMED));
        }
        assertThat(verifier.verify((DigitalLink) null).isGenuine()).isFalse();
    }

    @Test
    void refusesToSignASignedLabelOrOneWithoutProductionOrPackagingDate() {
        LabelSigner signer = new LabelSigner(SigningKey.generate(SignatureAlgorithm.ED25519));
        DigitalLink signed = signer.sign(unsignedLabel());
        assertThatThrownBy(() -> signer.sign(signed)).hasMessageContaining("already signed");
        DigitalLink undated = DigitalLink.parse("https://id.example.cn/01/09520001000010/21/S1?17=270531");
        assertThatThrownBy(() -> signer.sign(undated)).hasMessageContaining("production date (AI 11) or packaging date (AI 13)");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void rejectsEveryBitFlipOfTheSignatureAndEveryWrongLength(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        DigitalLink signed = new LabelSigner(key).sign(unsignedLabel());
        LabelVerifier verifier = new LabelVerifier(List.of(key.verificationKey()));
        byte[] payload = Base64Url.decode(signed.digitalSignature().orElseThrow());
        for (int bit = 0; bit < payload.length * 8; bit++) {
            byte[] flipped = payload.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            Verdict verdict = verifier.verify(signed.withDigitalSignature(Base64Url.encode(flipped)));
            Reason expected = bit < CertificateId.LENGTH * 8 ? Reason.UNKNOWN_SIGNER : Reason.TAMPERED;
            assertThat(verdict).as("bit %d", bit).isEqualTo(reasonOf(verdict, expected));
        }
        for (int length : new int[] {1, 3, 4, 66, 68, 70}) {
            byte[] resized = java.util.Arrays.copyOf(payload, length);
            Verdict verdict = verifier.verify(signed.withoutDigitalSignature().toUri() + "&8030=" + Base64Url.encode(resized));
            assertThat(verdict).as("%d bytes", length).isEqualTo(reasonOf(verdict, Reason.MALFORMED));
        }
    }

    /**
     * Every single-character change to every AI value of a signed label, each replaced by every
     * character of character set 82, the base64url alphabet and a few others: the verdict is
     * never genuine; it is malformed exactly when the changed value breaks a rule of its AI, unknown
     * signer when only the certificate id changed, and tampered otherwise.
     */
    @ParameterizedTest
    @MethodSource("algorithms")
    void catchesEverySingleCharacterChangeOfEveryAiValue(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        DigitalLink signed = new LabelSigner(key).sign(unsignedLabel());
        LabelVerifier verifier = new LabelVerifier(List.of(key.verificationKey()));
        Map<String, String> values = new LinkedHashMap<>();
        signed.elements().forEach(e -> values.put(e.ai(), e.value()));
        assertThat(values.keySet()).containsExactly("01", "10", "11", "13", "17", "21", "8030");
        assertThat(verifier.verify(uri(values)).isGenuine()).as("the unchanged label").isTrue();

        String replacements = GS1.CHARACTER_SET_82 + "-_~ #$@[]^`{|}\u00e9\u4e2d";
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String ai : values.keySet()) {
            String original = values.get(ai);
            for (int position = 0; position < original.length(); position++) {
                for (char replacement : replacements.toCharArray()) {
                    if (replacement == original.charAt(position)) {
                        continue;
                    }
                    String changed = original.substring(0, position) + replacement + original.substring(position + 1);
                    Map<String, String> mutated = new LinkedHashMap<>(values);
                    mutated.put(ai, changed);
                    Verdict verdict = verifier.verify(uri(mutated));
                    Reason expected = expectedReason(ai, changed, position);
                    checked++;
                    if (!(verdict instanceof Verdict.NotGenuine notGenuine) || notGenuine.reason() != expected) {
                        failures.add("AI " + ai + " \"" + changed + "\": expected " + expected + ", got " + verdict);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(100 * 90);
    }

    /**
     * Every single-character change or deletion anywhere in the URI text (scheme, host,
     * structure, AIs, separators, query keys): verification never throws, and says genuine only
     * when the AI values read are still exactly the signed ones (a changed host, or the GTIN-14
     * written as the same GTIN-13).
     */
    @Test
    void neverThrowsAndSaysGenuineOnlyWhenTheAiValuesAreUnchanged() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        DigitalLink signed = new LabelSigner(key).sign(unsignedLabel());
        LabelVerifier verifier = new LabelVerifier(List.of(key.verificationKey()));
        String uri = signed.toUri();
        String replacements = "0123456789AZaz%/?&=#._~-+ !\"'()*,:;<>@[]^`{|}\u00e9\u0000\n";
        List<String> failures = new ArrayList<>();
        for (int position = 0; position < uri.length(); position++) {
            for (char replacement : replacements.toCharArray()) {
                if (replacement == uri.charAt(position)) {
                    continue;
                }
                String changed = uri.substring(0, position) + replacement + uri.substring(position + 1);
                Verdict verdict;
                try {
                    verdict = verifier.verify(changed);
                } catch (RuntimeException e) {
                    failures.add(changed + " threw " + e);
                    continue;
                }
                if (verdict.isGenuine() && !sameAiValues(changed, signed)) {
                    failures.add(changed + " is genuine");
                }
            }
            String deleted = uri.substring(0, position) + uri.substring(position + 1);
            try {
                if (verifier.verify(deleted).isGenuine() && !sameAiValues(deleted, signed)) {
                    failures.add(deleted + " (deletion) is genuine");
                }
            } catch (RuntimeException e) {
                failures.add(deleted + " threw " + e);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean sameAiValues(String uri, DigitalLink signed) {
        return DigitalLink.parse(uri).elements().equals(signed.elements());
    }

    @Test
    void neverThrowsOnRandomText() {
        LabelVerifier verifier = new LabelVerifier(List.of(SigningKey.generate(SignatureAlgorithm.ED25519).verificationKey()));
        java.util.Random random = new java.util.Random(11);
        String alphabet = "https://id.example.cn/01/09520001000010/10/21/?11=&13=&17=&8030=%#AZaz09-_~.";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(verifier.verify(text.toString()).isGenuine()).isFalse();
        }
    }

    private static Reason expectedReason(String ai, String value, int position) {
        Predicate<String> valid = switch (ai) {
            case "01" -> v -> ok(() -> Gtin.of(v));
            case "10" -> v -> ok(() -> LotNumber.of(v));
            case "21" -> v -> ok(() -> SerialNumber.of(v));
            case "11", "13", "17" -> v -> ok(() -> new Gs1Date(ai, v));
            case "8030" -> v -> ok(() -> LabelSignature.parse(v));
            default -> throw new IllegalArgumentException(ai);
        };
        if (!valid.test(value)) {
            return Reason.MALFORMED;
        }
        return ai.equals("8030") && position < 4 ? Reason.UNKNOWN_SIGNER : Reason.TAMPERED;
    }

    private static boolean ok(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The URI written by hand from raw values, every character outside the unreserved set percent-encoded. */
    private static String uri(Map<String, String> v) {
        return "https://id.example.cn/01/" + enc(v.get("01")) + "/10/" + enc(v.get("10")) + "/21/" + enc(v.get("21"))
                + "?11=" + enc(v.get("11")) + "&13=" + enc(v.get("13")) + "&17=" + enc(v.get("17"))
                + "&8030=" + enc(v.get("8030"));
    }

    private static String enc(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static Verdict reasonOf(Verdict actual, Reason expected) {
        return actual instanceof Verdict.NotGenuine n && n.reason() == expected ? actual
                : new Verdict.NotGenuine(expected, "(expected)");
    }
}
