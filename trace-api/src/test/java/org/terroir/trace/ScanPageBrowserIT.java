package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.terroir.labels.DigitalLink;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.testsupport.PhoneBrowser;

/**
 * The provenance page in a real browser: Debian's headless Chromium, driven through its own
 * chromedriver (nothing is downloaded), at a phone's 390 px, in English. A genuine label's link shows
 * the product, its origin, its journey and "Genuine"; the same link with one character of the serial
 * changed shows "Not genuine: tampered". Screenshots are kept in {@code target/screenshots/}. Skipped,
 * saying so, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing (CI installs them).
 * ({@code DemoServeIT} opens the links {@code terroir demo} prints in the same browser.)
 */
class ScanPageBrowserIT extends DemoApiTestBase {

    private static final TestTrust TRUST = new TestTrust();

    private static final String INSTALL = ": install them (apt-get install chromium chromium-driver) to run this browser test";

    private static PhoneBrowser browser;

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        TRUST.register(registry, "30s");
    }

    @BeforeAll
    static void browser() {
        PhoneBrowser.missing().ifPresentOrElse(why -> LoggerFactory.getLogger(ScanPageBrowserIT.class).warn("skipped: {}", why + INSTALL),
                () -> browser = PhoneBrowser.start(Path.of("target", "screenshots")));
    }

    /** Each test skipped, saying what to install, where the browser is missing (see GraphiQlOfflineIT). */
    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, () -> PhoneBrowser.missing().orElseThrow() + INSTALL);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aGenuineLabelShowsBrandOriginJourneyAndGenuineAndOneChangedCharacterShowsTampered() {
        String label = TRUST.sign(DigitalLink.of("http://localhost:" + port, Gtin.of("09520011001021"), LotNumber.of("LC2601"),
                SerialNumber.of("LC2601-0002")).withProductionDate("260107"));

        String genuine = browser.open(label, "genuine.png");
        assertThat(genuine).contains("Genuine", "Liancheng dried sweet potato", "Liancheng Dried Sweet Potato",
                "Liancheng County", "Beituan Red-Heart Sweet Potato Cooperative", "Pudong pick-up point", "P-");
        assertThat(browser.textOf("verdict")).startsWith("✓ Genuine");
        assertThat(browser.fitsTheWidth()).as("no sideways scrolling on a phone").isTrue();
        // The page's inline style and script run under its Content-Security-Policy (by the response's nonce).
        assertThat(browser.cssOf("verdict", "border-left-color")).as("the page's style applied").isEqualTo("rgba(46, 125, 50, 1)");
        assertThat(browser.shows("place")).as("the page's script ran and offered to share the place").isTrue();

        String tampered = browser.open(label.replace("LC2601-0002", "LC2601-0009"), "tampered.png");
        assertThat(browser.textOf("verdict")).contains("Not genuine: tampered");
        assertThat(tampered).doesNotContain("Pudong pick-up point");
        assertThat(browser.fitsTheWidth()).as("no sideways scrolling on a phone").isTrue();
    }
}
