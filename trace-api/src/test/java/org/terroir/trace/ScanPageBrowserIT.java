package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.terroir.labels.DigitalLink;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * The provenance page in a real browser: Debian's headless Chromium, driven through its own
 * chromedriver (nothing is downloaded), at a phone's 390 px, in English. A genuine label's link shows
 * the product, its origin, its journey and "Genuine"; the same link with one character of the serial
 * changed shows "Not genuine: tampered". Screenshots are kept in {@code target/screenshots/}. Skipped,
 * saying so, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing (CI installs them).
 */
class ScanPageBrowserIT extends DemoApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final TestTrust TRUST = new TestTrust();

    private static ChromeDriver browser;

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        TRUST.register(registry, "30s");
    }

    @BeforeAll
    static void browser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (/usr/bin/chromium and /usr/bin/chromedriver: Debian's chromium and chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--window-size=390,844");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(390, 844));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String open(String link, String screenshot) throws IOException {
        browser.get(link);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshot), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void aGenuineLabelShowsBrandOriginJourneyAndGenuineAndOneChangedCharacterShowsTampered() throws IOException {
        String label = TRUST.sign(DigitalLink.of("http://localhost:" + port, Gtin.of("09520011001021"), LotNumber.of("LC2601"),
                SerialNumber.of("LC2601-0002")).withProductionDate("260107"));

        String genuine = open(label, "genuine.png");
        assertThat(genuine).contains("Genuine", "Liancheng dried sweet potato", "Liancheng Dried Sweet Potato",
                "Liancheng County", "Beituan Red-Heart Sweet Potato Cooperative", "Pudong pick-up point", "P-");
        assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("✓ Genuine");
        assertNoSidewaysScrolling();

        String tampered = open(label.replace("LC2601-0002", "LC2601-0009"), "tampered.png");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("Not genuine: tampered");
        assertThat(tampered).doesNotContain("Pudong pick-up point");
        assertNoSidewaysScrolling();
    }

    private static void assertNoSidewaysScrolling() {
        assertThat(browser.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling on a phone").isEqualTo(true);
    }
}
