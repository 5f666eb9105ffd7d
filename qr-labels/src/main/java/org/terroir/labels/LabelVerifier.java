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
        Gs1Date date = label.packagingDate().orElseGet(() -> label.productionDate().orElseThrow());
        int currentYear = Year.now(clock.withZone(zone)).getValue();
        LocalDate firstDay;
        LocalDate lastDay;
        try {
            firstDay = date.dayOmitted() ? date.month(currentYear).atDay(1) : date.toLocalDate(currentYear);
            lastDay = date.dayOmitted() ? date.month(currentYear).atEndOfMonth() : firstDay;
        } catch (java.time.DateTimeException e) {
            return malformed(Gs1Date.NAMES.get(date.ai()) + " \"" + date.value() + "\" is no calendar date: " + e.getMessage());
        }
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        Instant end = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        String when = Gs1Date.NAMES.get(date.ai()) + " " + (date.dayOmitted() ? firstDay.toString().substring(0, 7) : firstDay);
        for (LabelCertificate certificate : chain.certificates()) {
            for (Revocation revocation : revocations) {
                if (revocation.revokes(certificate) && revocation.voids(end)) {
                    return new Verdict.NotGenuine(Verdict.Reason.REVOKED, certificate.role() + " certificate "
                            + certificate.subject() + " was revoked " + revocation.revokedAt() + " ("
                            + revocation.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"
                            + (revocation.reason().voidsEveryLabel() ? ", which voids all its labels" : ", on or before the " + when));
                }
            }
        }
        for (LabelCertificate certificate : chain.certificates()) {
            if (certificate.notAfter().isBefore(start)) {
                return new Verdict.NotGenuine(Verdict.Reason.CERTIFICATE_EXPIRED, certificate.role() + " certificate "
                        + certificate.subject() + " expired " + certificate.notAfter() + ", before the " + when);
            }
            if (!certificate.notBefore().isBefore(end)) {
                return new Verdict.NotGenuine(Verdict.Reason.CERTIFICATE_NOT_YET_VALID, certificate.role() + " certificate "
                        + certificate.subject() + " is valid from " + certificate.notBefore() + ", after the " + when);
            }
        }
        String digits = label.gtin().value().substring(1);
        if (chain.companyPrefixes().stream().noneMatch(digits::startsWith)) {
            return new Verdict.NotGenuine(Verdict.Reason.NOT_ALLOWED_FOR_GTIN, "GTIN " + label.gtin() + " is not under the"
                    + " company prefixes " + chain.companyPrefixes() + " of signer " + chain.signer().subject());
        }
        return new Verdict.Genuine(label, key, Optional.of(chain));
    }

    private static Verdict malformed(String detail) {
        return new Verdict.NotGenuine(Verdict.Reason.MALFORMED, detail);
    }
}
