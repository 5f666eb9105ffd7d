package org.terroir.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A phone-sized page in a real browser: Debian's headless Chromium driven through its own
 * chromedriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}: packages {@code chromium}
 * and {@code chromium-driver}; nothing is downloaded), 390 × 844 px, English preferred, no sandbox,
 * no background networking. Each page opened is kept as a screenshot. A module that uses it declares
 * {@code selenium-chrome-driver} itself (test scope).
 */
public final class PhoneBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver browser;
    private final Path screenshots;

    private PhoneBrowser(ChromeDriver browser, Path screenshots) {
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /** Why no browser can run here, or empty when one can. */
    public static Optional<String> missing() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? Optional.empty()
                : Optional.of("no Chromium here (" + CHROMIUM + " and " + CHROMEDRIVER + ": Debian's chromium and chromium-driver)");
    }

    /** A browser that keeps its screenshots in {@code screenshots} (made if missing). */
    public static PhoneBrowser start(Path screenshots) {
        missing().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--window-size=390,844");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            browser.manage().window().setSize(new Dimension(390, 844));
            Files.createDirectories(screenshots);
        } catch (IOException | RuntimeException e) {
            browser.quit();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new PhoneBrowser(browser, screenshots);
    }

    /** Opens {@code link}, keeps a screenshot named {@code screenshot}, and returns the page's visible text. */
    public String open(String link, String screenshot) {
        browser.get(link);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(screenshot), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The visible text of the element of this id on the page open. */
    public String textOf(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The computed CSS {@code property} of the element of this id (e.g. to see that the page's style applied). */
    public String cssOf(String id, String property) {
        return browser.findElement(By.id(id)).getCssValue(property);
    }

    /** Whether the element of this id is shown (e.g. to see that the page's script ran and unhid it). */
    public boolean shows(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    /** Whether the page open fits the phone's width (no sideways scrolling). */
    public boolean fitsTheWidth() {
        return Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
