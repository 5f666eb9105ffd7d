package org.terroir.labels;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.terroir.model.id.InvalidIdentifierException;

/**
 * Checks labels offline, finding the signer by the certificate id in each label's signature
 * (several keys may share an id; each is tried). Never throws on bad input: every problem is a
 * {@link Verdict.NotGenuine} with its reason.
 *
 * <p>Two kinds of trust: {@linkplain #LabelVerifier(Collection) plain keys} (any label they sign
 * is genuine), or {@linkplain #trusting certificates}: a label is genuine when a signer
 * certificate that chains through a brand certificate to a trusted regulator root verifies its
 * signature, every certificate of that chain was valid on the label's date, and the GTIN's
 * company prefix is one the signer may sign for.
 *
 * <p>Revocations ({@link Revocation}) are checked first, then validity, then the GTIN.
 *
 * <p>The label's date is its packaging date (AI 13), else its production date (AI 11): the day
 * in the verifier's time zone (by default {@code Asia/Shanghai}), or the whole month when the day
 * is {@code 00}; the century by the GS1 rule from the verifier's clock. A certificate is valid on
 * that date if its validity overlaps it; a certificate that expired since still verifies the
 * labels signed while it was valid.
 */
public final class LabelVerifier {

    /** The default zone in which label dates are read. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Candidate(VerificationKey key, Optional<CertificateChain> chain) {
    }

    private final Map<CertificateId, List<Candidate>> candidates;
    private final Map<CertificateId, String> untrusted;
    private final List<Revocation> revocations;
    private final Clock clock;
    private final ZoneId zone;

    /** A verifier trusting exactly these keys, whatever the label's date and GTIN. */
    public LabelVerifier(Collection<VerificationKey> trustedKeys) {
        this(trustedKeys.stream().distinct().map(key -> new Candidate(key, Optional.empty())).toList(), Map.of(), List.of(),
                Clock.systemUTC(), CHINA);
    }

    /** Immutable once built, so one verifier serves many threads. */
    private LabelVerifier(List<Candidate> candidates, Map<CertificateId, String> untrusted, Collection<Revocation> revocations,
            Clock clock, ZoneId zone) {
        Map<CertificateId, List<Candidate>> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.computeIfAbsent(c.key().certificateId(), id -> new ArrayList<>()).add(c));
        byId.replaceAll((id, list) -> List.copyOf(list));
        this.candidates = Map.copyOf(byId);
        this.untrusted = Map.copyOf(untrusted);
        this.revocations = List.copyOf(revocations);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** {@link #trusting(Collection, Collection, Clock, ZoneId)} with the system clock and {@link #CHINA}. */
    public static LabelVerifier trusting(Collection<LabelCertificate> roots, Collection<LabelCertificate> certificates) {
        return trusting(roots, certificates, Clock.systemUTC(), CHINA);
    }

    /**
     * A verifier from a trust list whose signature has been checked ({@link TrustList#verify}):
     * its certificates and revocations under the trusted roots.
     */
    public static LabelVerifier trusting(Collection<LabelCertificate> roots, TrustList trustList, Clock clock, ZoneId zone) {
        return trusting(roots, trustList.certificates(), trustList.revocations(), clock, zone);
    }

    /**
     * {@link #trusting(Collection, Collection, Clock, ZoneId)} that also applies revocations to
     * every certificate of a chain (signer and brand): a label they void is "revoked".
     */
    public static LabelVerifier trusting(Collection<LabelCertificate> roots, Collection<LabelCertificate> certificates,
            Collection<Revocation> revocations, Clock clock, ZoneId zone) {
        List<Candidate> candidates = new ArrayList<>();
        Map<CertificateId, String> untrusted = new LinkedHashMap<>();
        List<LabelCertificate> trustedRoots = roots.stream()
                .filter(r -> r.role() == CertificateRole.REGULATOR_ROOT && r.isIssuedBy(r)).toList();
        List<LabelCertificate> brands = certificates.stream().filter(c -> c.role() == CertificateRole.BRAND).toList();
        for (LabelCertificate signer : certificates.stream().filter(c -> c.role() == CertificateRole.SIGNER).distinct().toList()) {
            boolean chained = false;
            for (LabelCertificate brand : brands) {
                if (!signer.isIssuedBy(brand) || !withinBrand(signer, brand)) {
                    continue;
                }
                for (LabelCertificate root : trustedRoots) {
                    if (brand.isIssuedBy(root)) {
                        candidates.add(new Candidate(signer.publicKey(), Optional.of(new CertificateChain(signer, brand, root))));
                        chained = true;
                    }
                }
            }
            if (!chained) {
                untrusted.putIfAbsent(signer.certificateId(), "signer certificate " + signer.subject()
                        + " does not chain through a brand certificate to a trusted regulator root");
            }
        }
        return new LabelVerifier(candidates, untrusted, revocations, clock, zone);
    }

    /**
     * A verifier trusting the regulator roots, with brand and signer certificates to build chains
     * from. Certificates that do not chain to a root (wrong issuer, bad signature, wrong role,
     * prefixes outside the brand's) are not trusted; their ids give "unknown signer".
     *
     * @param roots        trusted regulator root certificates (self-signed)
     * @param certificates brand and signer certificates
     * @param clock        "now", for the century of two-digit years
     * @param zone         where label dates are days
     */
    public static LabelVerifier trusting(Collection<LabelCertificate> roots, Collection<LabelCertificate> certificates,
            Clock clock, ZoneId zone) {
        return trusting(roots, certificates, List.of(), clock, zone);
    }

    private static boolean withinBrand(LabelCertificate signer, LabelCertificate brand) {
        return signer.companyPrefixes().stream().allMatch(p -> brand.companyPrefixes().stream().anyMatch(p::startsWith));
    }

    /** Reads a Digital Link URI and checks it; a URI that cannot be read is {@code malformed}. */
    public Verdict verify(String uri) {
        DigitalLink label;
        try {
            label = DigitalLink.parse(uri);
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
        return verify(label);
    }

    /** Checks a label. */
    public Verdict verify(DigitalLink label) {
        if (label == null) {
            return malformed("no label");
        }
        if (label.digitalSignature().isEmpty()) {
            return malformed("the label carries no digital signature (AI 8030)");
        }
        LabelSignature signature;
        byte[] message;
        try {
            signature = LabelSignature.parse(label.digitalSignature().get());
            message = LabelSignature.signedBytes(label, signature.signer());
        } catch (InvalidIdentifierException e) {
            return malformed(e.getMessage());
        }
        List<Candidate> found = candidates.getOrDefault(signature.signer(), List.of());
        if (found.isEmpty()) {
            return new Verdict.NotGenuine(Verdict.Reason.UNKNOWN_SIGNER, untrusted.getOrDefault(signature.signer(),
                    "no trusted key or certificate has certificate id " + signature.signer()));
        }
        byte[] bytes = signature.signature();
        Verdict firstRejection = null;
        for (Candidate candidate : found) {
            if (!candidate.key().verify(message, bytes)) {
                continue;
            }
            Verdict verdict = candidate.chain().map(chain -> judge(label, candidate.key(), chain))
                    .orElseGet(() -> new Verdict.Genuine(label, candidate.key(), Optional.empty()));
            if (verdict.isGenuine()) {
                return verdict;
            }
            firstRejection = firstRejection == null ? verdict : firstRejection;
        }
        return firstRejection != null ? firstRejection
                : new Verdict.NotGenuine(Verdict.Reason.TAMPERED, "the signature of certificate " + signature.signer()
                        + " does not match the label's AI values " + label.withoutDigitalSignature().elementString());
    }

    private Verdict judge(DigitalLink label, VerificationKey key, CertificateChain chain) {
        DatePeriod period;
        try {
            period = DatePeriod.of(label, clock, zone);
        } catch (java.time.DateTimeException e) {
            return malformed(e.getMessage());
        }
        for (LabelCertificate certificate : chain.certificates()) {
            for (Revocation revocation : revocations) {
                if (revocation.revokes(certificate) && revocation.voids(period.end())) {
                    return new Verdict.NotGenuine(Verdict.Reason.REVOKED, certificate.role() + " certificate "
                            + certificate.subject() + " was revoked " + revocation.revokedAt() + " ("
                            + revocation.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"
                            + (revocation.reason().voidsEveryLabel() ? ", which voids all its labels" : ", on or before the " + period.when()));
                }
            }
        }
        Optional<Verdict.NotGenuine> refusal = firstRefusal(label, chain.certificates(), chain.companyPrefixes(), chain.signer(), period);
        return refusal.isPresent() ? refusal.get() : new Verdict.Genuine(label, key, Optional.of(chain));
    }

    /**
     * What {@link #verify} would answer about a label of this signer whatever it trusts, for whoever
     * is about to sign it: {@code certificate expired} or {@code certificate not yet valid} when the
     * signer certificate, or the brand certificate if given, was not valid on the label's date;
     * {@code certificate not allowed for this GTIN} when the GTIN is outside the signer's company
     * prefixes (its own, else its brand's); {@code malformed} when the label has no calendar date.
     * The same checks, in the same order, as verification; a label without such a refusal verifies
     * once its chain is in a trusted, unrevoking trust list.
     *
     * @param label  the label, signed or not, with AI 11 or 13
     * @param signer the certificate of the key that signs it
     * @param brand  the brand certificate that issued the signer's; required when the signer lists no
     *               company prefixes of its own
     * @param clock  "now", for the century of two-digit years
     * @param zone   where label dates are days
     * @return the verdict verification would give, or empty if the certificates allow the label
     * @throws IllegalArgumentException if the label has no production or packaging date, the signer
     *                                  certificate is not a signer's, or it inherits the prefixes of a brand not given
     */
    public static Optional<Verdict.NotGenuine> refusal(DigitalLink label, LabelCertificate signer, Optional<LabelCertificate> brand,
            Clock clock, ZoneId zone) {
        if (label.packagingDate().isEmpty() && label.productionDate().isEmpty()) {
            throw new IllegalArgumentException("label " + label.toUri() + " has neither a production (AI 11) nor a packaging (AI 13) date");
        }
        if (signer.role() != CertificateRole.SIGNER) {
            throw new IllegalArgumentException("certificate " + signer.subject() + " is a " + signer.role() + " certificate, not a signer's");
        }
        if (signer.companyPrefixes().isEmpty() && brand.isEmpty()) {
            throw new IllegalArgumentException("signer certificate " + signer.subject()
                    + " inherits its brand's company prefixes: the brand certificate is needed to judge the GTIN");
        }
        DatePeriod period;
        try {
            period = DatePeriod.of(label, clock, zone);
        } catch (java.time.DateTimeException e) {
            return Optional.of(new Verdict.NotGenuine(Verdict.Reason.MALFORMED, e.getMessage()));
        }
        List<LabelCertificate> certificates = brand.map(b -> List.of(signer, b)).orElse(List.of(signer));
        List<String> prefixes = brand.map(b -> CertificateChain.companyPrefixes(signer, b)).orElse(signer.companyPrefixes());
        return firstRefusal(label, certificates, prefixes, signer, period);
    }

    /** Validity of every certificate at the label's date, then the GTIN within the signer's prefixes. */
    private static Optional<Verdict.NotGenuine> firstRefusal(DigitalLink label, List<LabelCertificate> certificates,
            List<String> companyPrefixes, LabelCertificate signer, DatePeriod period) {
        for (LabelCertificate certificate : certificates) {
            String valid = certificate.role() + " certificate " + certificate.subject() + ", valid " + certificate.notBefore()
                    + " to " + certificate.notAfter() + ",";
            if (certificate.notAfter().isBefore(period.start())) {
                return Optional.of(new Verdict.NotGenuine(Verdict.Reason.CERTIFICATE_EXPIRED, valid + " had expired before the "
                        + period.when()));
            }
            if (!certificate.notBefore().isBefore(period.end())) {
                return Optional.of(new Verdict.NotGenuine(Verdict.Reason.CERTIFICATE_NOT_YET_VALID, valid + " was not yet valid on the "
                        + period.when()));
            }
        }
        String digits = label.gtin().value().substring(1);
        if (companyPrefixes.stream().noneMatch(digits::startsWith)) {
            return Optional.of(new Verdict.NotGenuine(Verdict.Reason.NOT_ALLOWED_FOR_GTIN, "GTIN " + label.gtin()
                    + " is not under the company prefixes " + companyPrefixes + " of signer " + signer.subject()));
        }
        return Optional.empty();
    }

    /**
     * The time a label's date stands for: its packaging date, else its production date; a day in the
     * zone, or the whole month when the day is 00; the century from the clock.
     *
     * @param start the first moment
     * @param end   the moment after the last
     * @param when  for people, e.g. {@code production date 2026-11-20}
     */
    private record DatePeriod(Instant start, Instant end, String when) {

        /** @throws java.time.DateTimeException if the date is no calendar date, the message naming it */
        static DatePeriod of(DigitalLink label, Clock clock, ZoneId zone) {
            Gs1Date date = label.packagingDate().orElseGet(() -> label.productionDate().orElseThrow());
            int currentYear = Year.now(clock.withZone(zone)).getValue();
            LocalDate firstDay;
            LocalDate lastDay;
            try {
                firstDay = date.dayOmitted() ? date.month(currentYear).atDay(1) : date.toLocalDate(currentYear);
                lastDay = date.dayOmitted() ? date.month(currentYear).atEndOfMonth() : firstDay;
            } catch (java.time.DateTimeException e) {
                throw new java.time.DateTimeException(Gs1Date.NAMES.get(date.ai()) + " \"" + date.value()
                        + "\" is no calendar date: " + e.getMessage(), e);
            }
            return new DatePeriod(firstDay.atStartOfDay(zone).toInstant(), lastDay.plusDays(1).atStartOfDay(zone).toInstant(),
                    Gs1Date.NAMES.get(date.ai()) + " " + (date.dayOmitted() ? firstDay.toString().substring(0, 7) : firstDay));
        }
    }

    private static Verdict malformed(String detail) {
        return new Verdict.NotGenuine(Verdict.Reason.MALFORMED, detail);
    }
}
