package org.terroir.labels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The named fenced blocks of {@code docs/label-format.md}: a block opened by {@code ```lang name}. */
final class LabelFormatDoc {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```\\w+ ([\\w-]+)\\n(.*?)^```$", Pattern.DOTALL);

    private LabelFormatDoc() {
    }

    static Path path() {
        Path fromModule = Path.of("..", "docs", "label-format.md");
        return Files.exists(fromModule) ? fromModule : Path.of("docs", "label-format.md");
    }

    static String text() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher matcher = BLOCK.matcher(text());
        while (matcher.find()) {
            blocks.put(matcher.group(1), matcher.group(2));
        }
        return blocks;
    }

    static String block(String name) {
        String block = blocks().get(name);
        if (block == null) {
            throw new IllegalStateException("docs/label-format.md has no block named " + name);
        }
        return block;
    }
}
