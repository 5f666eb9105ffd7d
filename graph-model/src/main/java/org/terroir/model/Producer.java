package org.terroir.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public face of a farm household, node {@code (:Producer {pseudonym, registeredPoor})}. Who
 * the household is lives apart, in {@link ProducerIdentity}, reached by {@code IDENTIFIED_BY}.
 *
 * <p><b>Pseudonym rule.</b> {@code P-} followed by 12 characters of the RFC 4648 Base32 alphabet
 * ({@code A}-{@code Z}, {@code 2}-{@code 7}), e.g. {@code P-MFRGGZDFMZTW}: 60 bits, so that even a
 * million households in one installation collide with a probability below one in a million
 * (8 characters, 40 bits, would already risk a collision at a few hundred thousand). A pseudonym
 * is derived, not drawn: see {@link #pseudonymFor}.
 *
 * @param pseudonym      the pseudonym, {@code P-} + 12 Base32 characters
 * @param registeredPoor whether the household is a registered poor household (建档立卡贫困户)
 */
public record Producer(String pseudonym, boolean registeredPoor) {

    /** {@code P-} and 12 characters of the RFC 4648 Base32 alphabet. */
    public static final Pattern PSEUDONYM = Pattern.compile("P-[A-Z2-7]{12}");

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int PSEUDONYM_CHARACTERS = 12;

    /** Separates the HMAC input of this derivation from any other use of the same key. */
    private static final String DOMAIN = "terroir:producer-pseudonym:v1:";

    /** Validates the pseudonym. */
    public Producer {
        requirePseudonym("Producer.pseudonym", pseudonym);
    }

    /** A producer whose pseudonym is derived from the household key, as {@link #pseudonymFor} does. */
    public static Producer of(PseudonymSalt salt, String householdKey, boolean registeredPoor) {
        return new Producer(pseudonymFor(salt, householdKey), registeredPoor);
    }

    /**
     * Derives the stable pseudonym of a household: {@code P-} + the first 60 bits, in Base32, of
     * HMAC-SHA256 keyed with the installation's secret salt over
     * {@code "terroir:producer-pseudonym:v1:" + normalised household key}. The same household key
     * and salt always give the same pseudonym; without the salt, the pseudonym reveals nothing
     * about the key, and a guessed ID number cannot be checked against it.
     *
     * <p>The household key is normalised first: Unicode NFKC (full-width digits become ASCII),
     * white space and hyphens removed, upper case. {@link ProducerIdentity#householdKey()} gives the
     * key Terroir uses: the resident ID number when known, otherwise the phone number.
     *
     * @param salt         the installation's secret key
     * @param householdKey a stable personal identifier of the household, e.g. the resident ID number
     * @throws IllegalArgumentException if the household key is blank; the message never repeats it
     */
    public static String pseudonymFor(PseudonymSalt salt, String householdKey) {
        Check.present("salt", salt);
        Check.present("householdKey", householdKey);
        String normalised = normaliseHouseholdKey(householdKey);
        if (normalised.isEmpty()) {
            throw Check.invalidWithheld("householdKey", "a stable personal identifier, not blank");
        }
        byte[] mac;
        byte[] key = salt.bytes();
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac = hmac.doFinal((DOMAIN + normalised).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (mac[i] & 0xFF);
        }
        StringBuilder out = new StringBuilder("P-");
        for (int i = 0; i < PSEUDONYM_CHARACTERS; i++) {
            out.append(BASE32.charAt((int) (bits >>> (64 - 5 * (i + 1))) & 0x1F));
        }
        return out.toString();
    }

    /** NFKC, white space and hyphens removed, upper case. */
    static String normaliseHouseholdKey(String householdKey) {
        String nfkc = Normalizer.normalize(householdKey, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '-')
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    static String requirePseudonym(String field, String pseudonym) {
        Check.present(field, pseudonym);
        if (!PSEUDONYM.matcher(pseudonym).matches()) {
            throw Check.invalid(field, pseudonym, "P- followed by 12 Base32 characters (A-Z, 2-7), e.g. P-MFRGGZDFMZTW");
        }
        return pseudonym;
    }
}
