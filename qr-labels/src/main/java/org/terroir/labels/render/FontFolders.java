package org.terroir.labels.render;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the system's fonts are looked for by file name: folders searched in order, each with its
 * subfolders. Only {@link LabelSheet#withSystemFonts(FontFolders)} reads them; the default sheet
 * uses the fonts shipped with the program and no system font at all.
 *
 * @param folders the folders, in order of preference; none means no system font
 */
public record FontFolders(List<Path> folders) {

    /** The environment variable naming the font folders, separated by {@link File#pathSeparator}. */
    public static final String VARIABLE = "TERROIR_FONT_PATH";

    /** The system property naming the font folders, separated by {@link File#pathSeparator}; wins over {@link #VARIABLE}. */
    public static final String PROPERTY = "terroir.font.path";

    /** How deep below a folder fonts are looked for (Debian: {@code /usr/share/fonts/truetype/droid/}). */
    private static final int DEPTH = 4;

    /** Requires the folder list. */
    public FontFolders {
        folders = List.copyOf(Objects.requireNonNull(folders, "folders"));
    }

    /** These folders, in order. */
    public static FontFolders of(Path... folders) {
        return new FontFolders(List.of(folders));
    }

    /**
     * The folders named by {@value #PROPERTY} or {@value #VARIABLE} when set (empty: no folder at
     * all), else the usual ones: {@code /usr/share/fonts}, {@code /usr/local/share/fonts},
     * {@code ~/.local/share/fonts}, {@code ~/.fonts}, and macOS's {@code /Library/Fonts}.
     */
    public static FontFolders fromEnvironment() {
        String named = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (named != null) {
            return new FontFolders(Arrays.stream(named.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(Path::of).toList());
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        return of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"), home.resolve(".local/share/fonts"),
                home.resolve(".fonts"), Path.of("/Library/Fonts"));
    }

    /**
     * The first of the font files named {@code fileNames} (in that order of preference) found under
     * the folders; a file in an earlier folder wins over one in a later folder.
     */
    public Optional<Path> find(List<String> fileNames) {
        Map<String, Path> found = new HashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, DEPTH)) {
                files.filter(f -> fileNames.contains(f.getFileName().toString())).sorted()
                        .filter(Files::isRegularFile)
                        .forEach(f -> found.putIfAbsent(f.getFileName().toString(), f));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder holds no font we can use
            }
        }
        return fileNames.stream().filter(found::containsKey).map(found::get).findFirst();
    }

    @Override
    public String toString() {
        return folders.isEmpty() ? "no font folder" : folders.toString();
    }
}
