package org.terroir.trace.labels;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.TrustList;
import org.terroir.labels.Verdict;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The label verifier of the configured trust list: {@code terroir.trust-list} (a file, or an
 * {@code http(s)} URL, of the signed trust list) checked against the regulator roots of
 * {@code terroir.trust-roots} (a PEM file of one or more certificates). The list is read at start
 * and again every {@code terroir.trust-list-refresh} on a worker thread; a new one replaces the old
 * only once its signature verifies, so a broken or forged update leaves the last good list in force
 * (and is logged). Verification itself reads memory only: it never blocks the thread that asks.
 */
@Component
public class TrustedLabels {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedLabels.class);

    /** A verified trust list, the verifier made of it, and the digest of the text it was read from. */
    private record Loaded(TrustList list, LabelVerifier verifier, String digest) {}

    private final String source;
    private final Path roots;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    /** The digest of the last text refused, so that a list refused stays refused without an error at every refresh. */
    private final AtomicReference<String> refused = new AtomicReference<>();
    private final Disposable refreshing;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TrustedLabels(TrustListSettings settings) {
        String source = settings.trustList();
        String roots = settings.trustRoots();
        Duration refresh = settings.trustListRefresh();
        this.source = source == null || source.isBlank() ? null : source.strip();
        this.roots = roots == null || roots.isBlank() ? null : Path.of(roots.strip());
        this.clock = Clock.systemUTC();
        if (this.source == null || this.roots == null) {
            LOG.info("no trust list (terroir.trust-list and terroir.trust-roots): verifyLabel answers with an error");
            this.refreshing = null;
            return;
        }
        refresh();
        if (current.get() == null) {
            throw new IllegalStateException("terroir.trust-list " + this.source + " could not be loaded; see the log");
        }
        this.refreshing = Flux.interval(refresh, refresh, Schedulers.boundedElastic()).subscribe(tick -> refresh());
    }

    /** Whether a trust list is in force, so that labels can be verified. */
    public boolean configured() {
        return current.get() != null;
    }

    /** The verdict on a label's Digital Link, and the trust list it was judged by; empty when none is configured. */
    public Optional<Judgement> verify(String uri) {
        Loaded loaded = current.get();
        if (loaded == null) {
            return Optional.empty();
        }
        return Optional.of(new Judgement(loaded.verifier().verify(uri), loaded.list(), loaded.list().isStale(clock.instant())));
    }

    /**
     * A verdict and the trust list behind it.
     *
     * @param verdict   genuine, or not and why
     * @param trustList the list it was judged by
     * @param stale     whether that list is past its next update (a newer one should exist)
     */
    public record Judgement(Verdict verdict, TrustList trustList, boolean stale) {}

    /**
     * Reads the list again; replaces the current one when its text changed and it verifies. A text
     * refused for an older sequence number is told once, not at every refresh while it stays.
     */
    final void refresh() {
        try {
            String text = read(source);
            String digest = sha256(text);
            Loaded before = current.get();
            if (before != null && before.digest().equals(digest) || digest.equals(refused.get())) {
                return;
            }
            List<LabelCertificate> trusted = certificates(Files.readString(roots, StandardCharsets.US_ASCII));
            TrustList list = TrustList.verifyPem(text, trusted);
            if (before != null && list.sequenceNumber().compareTo(before.list().sequenceNumber()) < 0) {
                refused.set(digest);
                LOG.error("trust list {} has sequence number {}, older than the {} in force: kept the one in force",
                        source, list.sequenceNumber(), before.list().sequenceNumber());
                return;
            }
            current.set(new Loaded(list, LabelVerifier.trusting(trusted, list, clock, LabelVerifier.CHINA), digest));
            LOG.info("trust list {}: sequence {} of {} issued {}, {} certificate(s), {} revocation(s)", source,
                    list.sequenceNumber(), list.issuer(), list.issuedAt(), list.certificates().size(), list.revocations().size());
        } catch (IOException | RuntimeException e) {
            LOG.error("trust list {} not loaded ({}){}", source, e.getMessage(),
                    current.get() == null ? "" : ": the one loaded before stays in force");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String read(String where) throws IOException, InterruptedException {
        if (where.startsWith("http://") || where.startsWith("https://")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(where)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + where);
            }
            return response.body();
        }
        return Files.readString(Path.of(where.startsWith("file:") ? URI.create(where).getPath() : where), StandardCharsets.US_ASCII);
    }

    private static List<LabelCertificate> certificates(String pem) {
        try {
            return LabelCertificate.allFromPem(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("terroir.trust-roots: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (refreshing != null) {
            refreshing.dispose();
        }
    }
}
