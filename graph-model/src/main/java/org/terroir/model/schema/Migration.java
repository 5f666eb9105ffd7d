package org.terroir.model.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned, immutable schema migration: a file {@code V001__natural_keys.cypher} holding
 * statements separated by {@code ;}. Its checksum is recorded when applied, so a migration edited
 * afterwards is detected instead of silently diverging.
 */
public record Migration(int version, String description, List<String> statements, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.cypher");

    public Migration {
        statements = List.copyOf(statements);
    }

    /** Parses a migration file; {@code fileName} gives version and description. */
    public static Migration parse(String fileName, String text) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException("migration file \"" + fileName
                    + "\" must be named V<version>__<description>.cypher, e.g. V001__natural_keys.cypher");
        }
        List<String> statements = Arrays.stream(stripComments(text).split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (statements.isEmpty()) {
            throw new MigrationException("migration file \"" + fileName + "\" holds no statement");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), statements, sha256(text));
    }

    /** {@code V001}. */
    public String label() {
        return "V%03d".formatted(version);
    }

    private static String stripComments(String text) {
        return text.lines().filter(line -> !line.strip().startsWith("//")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
