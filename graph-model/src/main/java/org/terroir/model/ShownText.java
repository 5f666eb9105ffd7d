package org.terroir.model;

/**
 * Text that pages and answers show to people, checked as the domain records check theirs: white
 * space around stripped, not blank, not too long, no control character (NUL among them) and no
 * bidirectional embedding, override or isolate (which make a page show text in another order than
 * it is stored). For text that reaches the graph by another way than a domain record, such as a
 * recall's reason.
 */
public final class ShownText {

    private ShownText() {
    }

    /**
     * One line of 1 to {@code maxLength} characters, stripped.
     *
     * @throws IllegalArgumentException naming {@code field} and what is wrong
     */
    public static String line(String field, String value, int maxLength) {
        return Check.text(field, value, maxLength);
    }

    /** Like {@link #line}, with line breaks and tabs allowed inside: prose such as a story or a reason. */
    public static String prose(String field, String value, int maxLength) {
        return Check.prose(field, value, maxLength);
    }
}
