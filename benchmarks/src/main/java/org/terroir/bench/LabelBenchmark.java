package org.terroir.bench;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSignature;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;
import org.terroir.labels.Verdict;
import org.terroir.labels.VerificationKey;
import org.terroir.labels.render.ErrorCorrection;
import org.terroir.labels.render.LabelSheet;
import org.terroir.labels.render.LabelText;
import org.terroir.labels.render.QrCode;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * Signed labels per second as {@code terroir labels issue} makes them, into PDF sheets and into
 * PNG images, and verifications per second as {@code terroir verify} does them (parse, find the
 * certificate, check the chain's validity, revocations and prefixes, verify), each beside the
 * raw cost of the primitives measured in the same run: one signature plus one QR matrix per label,
 * and one raw signature verification. Every result is per label ({@code OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LabelBenchmark {

    /** Labels per PDF: 10 A4 pages of 24. */
    static final int SHEET = 240;

    /** A regulator root, a brand, a signer of one algorithm, a trust list and one signed label. */
    static final class Pki {
        final SigningKey signerKey;
        final LabelCertificate root;
        final TrustList trustList;

        Pki(SignatureAlgorithm algorithm) {
            Instant from = Instant.now().minus(2, ChronoUnit.DAYS);
            Instant to = from.plus(3650, ChronoUnit.DAYS);
            SigningKey rootKey = SigningKey.generate(algorithm);
            root = CertificateIssuer.regulatorRoot(rootKey, "Bench Regulator", from, to);
            SigningKey brandKey = SigningKey.generate(algorithm);
            LabelCertificate brand = new CertificateIssuer(root, rootKey)
                    .issueBrand(brandKey.verificationKey(), "Bench Brand", List.of("9520001"), from, to);
            signerKey = SigningKey.generate(algorithm);
            LabelCertificate signer = new CertificateIssuer(brand, brandKey)
                    .issueSigner(signerKey.verificationKey(), "Bench Packhouse", from, to);
            byte[] der = TrustList.sign(root, rootKey, BigInteger.ONE, from, to, List.of(brand, signer), List.of());
            trustList = TrustList.verify(der, List.of(root));
        }
    }

    static DigitalLink unsigned(int serial) {
        return DigitalLink.of("https://brand.example", Gtin.of("09520001000010"), new LotNumber("LX2611"),
                new SerialNumber(String.format("%06d", serial))).withProductionDate(
                        java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")))
                .withExpiryDate("271231");
    }

    private LabelSigner signer;
    private SigningKey signerKey;
    private LabelSheet sheet;
    private final LabelText text = new LabelText("临夏苹果 Linxia Apples", "冰糖心苹果 Bingtangxin apples 5 kg", true);
    private List<DigitalLink> unsignedSheet;
    private byte[][] signedBytes;
    private String[] signedUris;
    private int next;

    @Setup
    public void setUp() {
        Pki pki = new Pki(SignatureAlgorithm.ED25519);
        signerKey = pki.signerKey;
        signer = new LabelSigner(signerKey);
        sheet = LabelSheet.withBundledFonts().withErrorCorrection(ErrorCorrection.M);
        unsignedSheet = new ArrayList<>();
        for (int i = 0; i < SHEET; i++) {
            unsignedSheet.add(unsigned(i));
        }
        signedBytes = new byte[SHEET][];
        signedUris = new String[SHEET];
        for (int i = 0; i < SHEET; i++) {
            DigitalLink signed = signer.sign(unsignedSheet.get(i));
            signedUris[i] = signed.toUri();
            signedBytes[i] = LabelSignature.signedBytes(signed, LabelSignature.parse(signed.digitalSignature().orElseThrow()).signer());
        }
    }

    /**
     * labels issue --out sheet.pdf: sign every label, encode the QR codes, lay out and write the PDF
     * (CJK subset embedded), as the command does it: signing and QR encoding on every core.
     */
    @Benchmark
    @OperationsPerInvocation(SHEET)
    public byte[] signedLabelsIntoPdfSheets() {
        return sheet.render(unsignedSheet.parallelStream().map(signer::sign).toList(), text);
    }

    /** labels issue --out DIR: sign one label, encode its QR code, write it as PNG. */
    @Benchmark
    public byte[] signedLabelIntoPng() {
        DigitalLink label = unsignedSheet.get(next++ % SHEET);
        return QrCode.of(signer.sign(label), ErrorCorrection.M).toPng(8);
    }

    /**
     * The primitives under both: one raw signature of a label's signed bytes and one QR matrix of its
     * URI, of any of the sheet's labels (the same one each time would flatter the QR encoder).
     */
    @Benchmark
    public int primitivesSignPlusQrMatrix() {
        int i = java.util.concurrent.ThreadLocalRandom.current().nextInt(SHEET);
        byte[] signature = signerKey.sign(signedBytes[i]);
        return signature.length + QrCode.of(signedUris[i], ErrorCorrection.M).size();
    }

    /** The same primitives on two threads: the ceiling of the PDF sheet, which uses every core. */
    @Benchmark
    @Threads(2)
    public int primitivesSignPlusQrMatrixTwoThreads() {
        return primitivesSignPlusQrMatrix();
    }

    /**
     * The library primitives alone: BouncyCastle's signature and ZXing's encoder as it comes (its own
     * mask choice), on two threads — what a label costs before any of Terroir's own work.
     */
    @Benchmark
    @Threads(2)
    public int primitivesSignPlusZxingTwoThreads() throws com.google.zxing.WriterException {
        int i = java.util.concurrent.ThreadLocalRandom.current().nextInt(SHEET);
        byte[] signature = signerKey.sign(signedBytes[i]);
        return signature.length + com.google.zxing.qrcode.encoder.Encoder.encode(signedUris[i],
                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "ISO-8859-1")).getMatrix().getWidth();
    }

    /** One QR matrix of a sheet label's URI, as {@code QrCode} encodes it (ZXing, mask chosen by {@code MaskChoice}). */
    @Benchmark
    public int qrMatrix() {
        return QrCode.of(signedUris[java.util.concurrent.ThreadLocalRandom.current().nextInt(SHEET)], ErrorCorrection.M).size();
    }

    /** The baseline of {@link #qrMatrix}: the same symbol by ZXing's encoder alone, which scores eight whole matrices for the mask. */
    @Benchmark
    public int qrMatrixZxingAlone() throws com.google.zxing.WriterException {
        return com.google.zxing.qrcode.encoder.Encoder.encode(signedUris[java.util.concurrent.ThreadLocalRandom.current().nextInt(SHEET)],
                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "ISO-8859-1")).getMatrix().getWidth();
    }

    /** Verification, per algorithm. */
    @State(Scope.Benchmark)
    public static class Verifying {
        @Param({"ed25519", "ecdsa-p256", "sm2"})
        public String algorithm;

        LabelVerifier verifier;
        String uri;
        byte[] message;
        byte[] signature;
        VerificationKey key;

        @Setup
        public void setUp() {
            SignatureAlgorithm alg = switch (algorithm) {
                case "ed25519" -> SignatureAlgorithm.ED25519;
                case "ecdsa-p256" -> SignatureAlgorithm.ECDSA_P256;
                default -> SignatureAlgorithm.SM2;
            };
            Pki pki = new Pki(alg);
            verifier = LabelVerifier.trusting(List.of(pki.root), pki.trustList, Clock.systemUTC(), LabelVerifier.CHINA);
            DigitalLink signed = new LabelSigner(pki.signerKey).sign(unsigned(42));
            uri = signed.toUri();
            LabelSignature parsed = LabelSignature.parse(signed.digitalSignature().orElseThrow());
            message = LabelSignature.signedBytes(signed, parsed.signer());
            signature = parsed.signature();
            key = pki.signerKey.verificationKey();
            Verdict verdict = verifier.verify(uri);
            if (!verdict.isGenuine() || !key.verify(message, signature)) {
                throw new IllegalStateException("bench label is not genuine: " + verdict);
            }
        }
    }

    /** terroir verify URI, without the JVM start: parse, chain, dates, prefixes, signature. */
    @Benchmark
    public boolean verifyLabel(Verifying state) {
        return state.verifier.verify(state.uri).isGenuine();
    }

    /** The primitive under it: one raw signature verification of the same bytes. */
    @Benchmark
    public boolean primitiveRawVerify(Verifying state) {
        return state.key.verify(state.message, state.signature);
    }
}
