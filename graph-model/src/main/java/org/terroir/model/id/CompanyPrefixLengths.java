package org.terroir.model.id;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Answers how many digits of a GS1 key are its GS1 Company Prefix (6 to 12). Only needed to write
 * an EPC URN from a GTIN, GLN or SSCC; reading a URN needs no table, its first dot marks the end
 * of the prefix. Implement it over the GS1 prefix allocations you know, or use a {@link Table}.
 */
@FunctionalInterface
public interface CompanyPrefixLengths {

    /**
     * The company prefix length for a key.
     *
     * @param digits the key's digits from where its company prefix starts: a GTIN-14 without its
     *               indicator digit (13 digits), a GLN (13), an SSCC without its extension digit (17)
     * @return the length, 6 to 12, or empty if unknown
     */
    OptionalInt lengthFor(String digits);

    /**
     * The built-in table, without fallback:
     * <ul>
     *   <li>{@code 952} → 7: GS1 reserves prefix 952 for demonstrations and examples; Terroir's
     *       sample data uses 7-digit company prefixes such as {@code 9520001};</li>
     *   <li>{@code 0614141} → 7: the GS1 US example company prefix of the EPC Tag Data Standard;</li>
     *   <li>{@code 4012345} → 7: the GS1 Germany example company prefix of the EPC standards.</li>
     * </ul>
     * Add your own with {@link Table#withPrefix} and a fallback with {@link Table#withFallback}.
     */
    static Table defaults() {
        return Table.DEFAULTS;
    }

    /**
     * A prefix table: the longest entry that begins the key's digits gives the length; without a
     * match the fallback does, if any.
     *
     * @param lengthsByPrefix leading digits (1 to 12) mapped to company prefix lengths (6 to 12)
     * @param fallback        the length for keys no entry matches, or empty to reject them
     */
    record Table(Map<String, Integer> lengthsByPrefix, OptionalInt fallback) implements CompanyPrefixLengths {

        static final Table DEFAULTS = new Table(Map.of("952", 7, "0614141", 7, "4012345", 7), OptionalInt.empty());

        /** Validates every entry and the fallback, and copies the map. */
        public Table {
            lengthsByPrefix = Map.copyOf(lengthsByPrefix);
            lengthsByPrefix.forEach((prefix, length) -> {
                if (prefix.isEmpty() || prefix.length() > 12 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalArgumentException("company prefix table entry \"" + prefix
                            + "\": leading digits must be 1 to 12 digits");
                }
                requireLength(length);
            });
            fallback.ifPresent(Table::requireLength);
        }

        /** A copy with one more entry (replacing any for the same leading digits). */
        public Table withPrefix(String leadingDigits, int length) {
            Map<String, Integer> copy = new HashMap<>(lengthsByPrefix);
            copy.put(leadingDigits, length);
            return new Table(copy, fallback);
        }

        /** A copy that answers {@code length} for keys no entry matches. */
        public Table withFallback(int length) {
            return new Table(lengthsByPrefix, OptionalInt.of(length));
        }

        /** A copy that answers nothing for keys no entry matches. */
        public Table withoutFallback() {
            return new Table(lengthsByPrefix, OptionalInt.empty());
        }

        @Override
        public OptionalInt lengthFor(String digits) {
            for (int end = Math.min(12, digits.length()); end > 0; end--) {
                Integer length = lengthsByPrefix.get(digits.substring(0, end));
                if (length != null) {
                    return OptionalInt.of(length);
                }
            }
            return fallback;
        }

        private static void requireLength(int length) {
            if (length < 6 || length > 12) {
                throw new IllegalArgumentException("GS1 Company Prefix length must be 6 to 12, got " + length);
            }
        }
    }
}
