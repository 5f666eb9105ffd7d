package org.terroir.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The personal data of a producer household, node
 * {@code (:ProducerIdentity {pseudonym, name, phone, idNumber?})}, reached from its public
 * {@link Producer} by {@code IDENTIFIED_BY}. Personal data: never returned to the public. For the
 * same reason neither {@link #toString()} nor any rejection message of this record shows name,
 * phone or ID number.
 *
 * @param pseudonym the pseudonym of the household's {@link Producer}
 * @param name      the name of the household head, 1 to 100 characters
 * @param phone     a phone number: digits, optionally a leading {@code +}, spaces or hyphens between
 *                  digits; 7 to 15 digits
 * @param idNumber  the household head's resident ID number (居民身份证号码), if known: 17 digits
 *                  and a check character (digit or {@code X}, ISO 7064 MOD 11-2); stored upper case
 */
public record ProducerIdentity(String pseudonym, String name, String phone, Optional<String> idNumber) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9](?:[0-9 -]*[0-9])?");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARACTERS = "10X98765432";

    /** Validates every field; rejection messages name the field but never its value. */
    public ProducerIdentity {
        Producer.requirePseudonym("ProducerIdentity.pseudonym", pseudonym);
        name = requireName(name);
        phone = requirePhone(phone);
        Check.present("ProducerIdentity.idNumber", idNumber);
        idNumber = idNumber.map(ProducerIdentity::requireIdNumber);
    }

    /**
     * The identity of a household seen for the first time, its pseudonym derived with
     * {@link Producer#pseudonymFor} from {@link #householdKey()}: the same household, registered
     * again with the same ID number (or, without one, the same phone number), gets the same
     * pseudonym.
     */
    public static ProducerIdentity register(PseudonymSalt salt, String name, String phone, Optional<String> idNumber) {
        Check.present("salt", salt);
        String validPhone = requirePhone(phone);
        Optional<String> validId = Check.present("ProducerIdentity.idNumber", idNumber).map(ProducerIdentity::requireIdNumber);
        String pseudonym = Producer.pseudonymFor(salt, householdKey(validPhone, validId));
        return new ProducerIdentity(pseudonym, name, validPhone, validId);
    }

    /**
     * The stable personal identifier the pseudonym is derived from: {@code id:} and the ID number
     * when there is one, otherwise {@code phone:} and the phone's digits without a {@code +86} or
     * {@code 0086} country code. A household first registered by phone keeps its pseudonym when an
     * ID number is added later; its {@code ProducerIdentity} node is found by pseudonym, not by
     * deriving again.
     */
    public String householdKey() {
        return householdKey(phone, idNumber);
    }

    private static String householdKey(String phone, Optional<String> idNumber) {
        return idNumber.map(id -> "id:" + id).orElseGet(() -> "phone:" + nationalDigits(phone));
    }

    private static String nationalDigits(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.startsWith("+86")) {
            return digits.substring(2);
        }
        return digits.startsWith("0086") ? digits.substring(4) : digits;
    }

    private static String requireName(String name) {
        Check.present("ProducerIdentity.name", name);
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length == 0 || length > 100 || stripped.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Check.isBidiControl(cp))) {
            throw Check.invalidWithheld("ProducerIdentity.name", "1 to 100 characters without control or bidirectional override characters");
        }
        return stripped;
    }

    private static String requirePhone(String phone) {
        Check.present("ProducerIdentity.phone", phone);
        String stripped = phone.strip();
        long digits = stripped.chars().filter(c -> c >= '0' && c <= '9').count();
        if (!PHONE.matcher(stripped).matches() || digits < 7 || digits > 15) {
            throw Check.invalidWithheld("ProducerIdentity.phone",
                    "7 to 15 digits, optionally a leading + and spaces or hyphens between digits");
        }
        return stripped;
    }

    private static String requireIdNumber(String idNumber) {
        String normalised = Normalizer.normalize(idNumber, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (!ID_NUMBER.matcher(normalised).matches()) {
            throw Check.invalidWithheld("ProducerIdentity.idNumber",
                    "a resident ID number of 18 characters: 17 digits and a digit or X");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (normalised.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (normalised.charAt(17) != ID_CHECK_CHARACTERS.charAt(sum % 11)) {
            throw Check.invalidWithheld("ProducerIdentity.idNumber",
                    "a resident ID number whose last character is its ISO 7064 MOD 11-2 check character");
        }
        return normalised;
    }

    /** Shows the pseudonym only: name, phone and ID number are personal data and must not reach logs. */
    @Override
    public String toString() {
        return "ProducerIdentity[pseudonym=" + pseudonym + ", name=<withheld>, phone=<withheld>, idNumber="
                + (idNumber.isPresent() ? "<withheld>" : "none") + "]";
    }
}
