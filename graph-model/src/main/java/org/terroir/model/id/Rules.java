package org.terroir.model.id;

/** Validation rules shared by the identifier records; every failure is an {@link InvalidIdentifierException}. */
final class Rules {

    static final String CHECK_DIGIT_RULE = "(GS1 mod-10)";

    private Rules() {
    }

    /** Requires a non-null string of ASCII digits (possibly empty) and returns it. */
    static String requireDigits(String label, String input) {
        requireNonNull(label, input);
        int position = 1;
        for (int i = 0; i < input.length(); position++) {
            int cp = input.codePointAt(i);
            if (cp < '0' || cp > '9') {
                throw new InvalidIdentifierException(label, input,
                        "character " + describe(cp) + " at position " + position + " is not a digit");
            }
            i += Character.charCount(cp);
        }
        return input;
    }

    /** Requires a GS1 key of exactly {@code length} digits whose last digit is its check digit. */
    static String requireKey(String label, String input, int length) {
        requireDigits(label, input);
        if (input.length() != length) {
            throw new InvalidIdentifierException(label, input,
                    input.length() + " digits, expected " + length);
        }
        requireCheckDigit(label, input, input);
        return input;
    }

    /** Requires {@code dataLength} data digits and returns them with their GS1 check digit appended. */
    static String appendCheckDigit(String label, String dataDigits, int dataLength) {
        requireDigits(label, dataDigits);
        if (dataDigits.length() != dataLength) {
            throw new InvalidIdentifierException(label, dataDigits, dataDigits.length()
                    + " data digits, expected " + dataLength + " (without check digit)");
        }
        return dataDigits + GS1.checkDigit(dataDigits);
    }

    /** Requires that the last of {@code digits} is the GS1 check digit of the others. */
    static void requireCheckDigit(String label, String input, String digits) {
        int last = digits.length() - 1;
        int actual = digits.charAt(last) - '0';
        int expected = GS1.checkDigit(digits.substring(0, last));
        if (actual != expected) {
            throw new InvalidIdentifierException(label, input,
                    "check digit is " + actual + ", expected " + expected + " " + CHECK_DIGIT_RULE);
        }
    }

    /** Requires 1 to {@code maxLength} characters from GS1 AI encodable character set 82. */
    static String requireCharacterSet82(String label, String input, int maxLength) {
        requireNonNull(label, input);
        int length = input.codePointCount(0, input.length());
        if (length == 0) {
            throw new InvalidIdentifierException(label, input,
                    "empty, 1 to " + maxLength + " characters required");
        }
        if (length > maxLength) {
            throw new InvalidIdentifierException(label, input,
                    length + " characters, at most " + maxLength + " allowed");
        }
        int position = 1;
        for (int i = 0; i < input.length(); position++) {
            int cp = input.codePointAt(i);
            if (!GS1.isCharacterSet82(cp)) {
                throw new InvalidIdentifierException(label, input, "character " + describe(cp)
                        + " at position " + position + " is not in GS1 AI encodable character set 82");
            }
            i += Character.charCount(cp);
        }
        return input;
    }

    static void requireNonNull(String label, String input) {
        if (input == null) {
            throw new InvalidIdentifierException(label, null, "must not be null");
        }
    }

    /** A character for a message: {@code 'x'}, or {@code U+0009} when it would not print. */
    static String describe(int codePoint) {
        boolean printable = codePoint == ' '
                || !(Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                        || Character.isSpaceChar(codePoint) || !Character.isDefined(codePoint)
                        || Character.getType(codePoint) == Character.FORMAT);
        return printable
                ? "'" + new String(Character.toChars(codePoint)) + "'"
                : String.format("U+%04X", codePoint);
    }

    /** A short description of an identifier's type, for messages about the wrong type. */
    static String kindOf(EpcIdentifier id) {
        return switch (id) {
            case Gtin g -> "a GTIN (product class, AI 01)";
            case Sgtin s -> "an SGTIN (GTIN + serial, AI 01 + 21)";
            case Lgtin l -> "an LGTIN (GTIN + lot, AI 01 + 10)";
            case Sgln s -> "an SGLN (location, AI 414)";
            case Sscc s -> "an SSCC (logistic unit, AI 00)";
        };
    }

    /** Narrows a parsed identifier to the expected type, or rejects it naming both types. */
    static <T extends EpcIdentifier> T expect(Class<T> type, String kind, String label, String input,
            EpcIdentifier parsed) {
        if (type.isInstance(parsed)) {
            return type.cast(parsed);
        }
        throw new InvalidIdentifierException(label, input,
                "identifies " + kindOf(parsed) + ", not " + kind);
    }
}
