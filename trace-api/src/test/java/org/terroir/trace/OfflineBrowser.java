package org.terroir.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium that can reach this machine only: Debian's {@code /usr/bin/chromium}
 * driven by its own {@code /usr/bin/chromedriver} (packages {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded), with every host name but {@code localhost}
 * unresolvable and no proxy, as on a phone without internet or behind a border that drops a CDN.
 * It starts with a fresh profile of its own and no background networking, and keeps the browser's
 * own log of every request its pages send ({@link #requests}) and of their console
 * ({@link #console}), so that a test can show what a page tried to load.
 */
final class OfflineBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The host of an http(s) or ws(s) URL (after any user information). */
    private static final Pattern HOST = Pattern.compile("^(?:https?|wss?)://(?:[^/?#@]*@)?([^/?#:]+)");

    final ChromeDriver driver;
    private final Path profile;

    private OfflineBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why no browser can run here, saying what to install; empty when one can. */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            absent.add(CHROMIUM.toString());
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            absent.add(CHROMEDRIVER.toString());
        }
        return absent.isEmpty() ? Optional.empty() : Optional.of("no " + String.join(" and no ", absent)
                + " here: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) to run this browser test");
    }

    /** A browser with a fresh profile in a temporary folder, removed at {@link #close}. */
    static OfflineBrowser start() {
        missing().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        Path profile;
        try {
            profile = Files.createTempDirectory("terroir-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
        OfflineBrowser browser = new OfflineBrowser(driver, profile);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * The address of every request the browser's pages sent (or tried to send: a failed or refused
     * request is logged too) since the last call, from the browser's own network log; WebSockets included.
     */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            if (method.equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asString());
            } else if (method.equals("Network.webSocketCreated")) {
                urls.add(message.path("params").path("url").asString());
            }
        }
        return urls;
    }

    /** The console's messages (errors, warnings, Content-Security-Policy refusals) since the last call. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /**
     * What {@code probe} finds once it finds something (not null, not false), asking every 200 ms for
     * up to a minute (an element not there yet counts as nothing); else an {@link AssertionError} saying
     * what was awaited and what is there.
     */
    <T> T await(Function<ChromeDriver, T> probe, Supplier<String> awaited) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                T found = probe.apply(driver);
                if (found != null && !Boolean.FALSE.equals(found)) {
                    return found;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                // not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + awaited.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + awaited.get(), e);
            }
        }
    }

    /** Keeps a screenshot of the page open as {@code target/screenshots/<name>}. */
    void screenshot(String name) {
        Path screenshots = Path.of("target", "screenshots");
        try {
            Files.createDirectories(screenshots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code url} stays on this machine: a {@code data:} or {@code blob:} URL, or one of {@code localhost}. */
    static boolean local(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("blob:")) {
            return true;
        }
        Matcher host = HOST.matcher(lower);
        return host.find() && host.group(1).equals("localhost");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
