package org.terroir.model.id;

/** Helpers from the GS1 General Specifications shared by the identifier types. */
public final class GS1 {

    /** GS1 AI encodable character set 82, the characters allowed in lots, serials and GLN extensions. */
    public static final String CHARACTER_SET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final boolean[] IN_SET_82 = new boolean[128];

    static {
        CHARACTER_SET_82.chars().forEach(c -> IN_SET_82[c] = true);
    }

    private GS1() {
    }

    /**
     * Computes the GS1 mod-10 check digit for the data digits of a GS1 key (the key without its
     * check digit): weights 3 and 1 alternate starting with 3 at the rightmost digit.
     *
     * @param dataDigits one or more ASCII digits
     * @return the check digit, 0 to 9
     * @throws InvalidIdentifierException if {@code dataDigits} is null, empty or not all digits
     */
    public static int checkDigit(CharSequence dataDigits) {
        String label = "GS1 key data digits";
        if (dataDigits == null) {
            throw new InvalidIdentifierException(label, null, "must not be null");
        }
        String digits = dataDigits.toString();
        if (digits.isEmpty()) {
            throw new InvalidIdentifierException(label, digits, "empty, at least 1 digit required");
        }
        Rules.requireDigits(label, digits);
        int sum = 0;
        boolean weightThree = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * (weightThree ? 3 : 1);
            weightThree = !weightThree;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a code point is in GS1 AI encodable character set 82. */
    public static boolean isCharacterSet82(int codePoint) {
        return codePoint >= 0 && codePoint < IN_SET_82.length && IN_SET_82[codePoint];
    }
}
