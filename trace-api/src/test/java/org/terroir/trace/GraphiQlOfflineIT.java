package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.slf4j.LoggerFactory;

/**
 * GraphiQL and the scan page with no internet: a real headless Chromium ({@link OfflineBrowser})
 * that resolves no host name but {@code localhost} opens {@code /graphiql}, sets a query in its
 * editor, runs it with the run button and reads the answer in the result pane; the scan page of a lot shows its product.
 * The browser's own network log shows that neither page sent a request to another host, and its
 * console shows no Content-Security-Policy refusal. Screenshots are kept in {@code target/screenshots/}.
 * Skipped, saying what to install, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
 * is missing.
 */
class GraphiQlOfflineIT extends DemoApiTestBase {

    private static final String QUERY = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key product { nameEn } brand { nameEn } } }";

    private static OfflineBrowser browser;

    @BeforeAll
    static void browser() {
        OfflineBrowser.missing().ifPresentOrElse(why -> LoggerFactory.getLogger(GraphiQlOfflineIT.class).warn("skipped: {}", why),
                () -> browser = OfflineBrowser.start());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Each test, not the class, is skipped where the browser is missing: Maven's test runners report a
     * class skipped in {@code @BeforeAll} as "Tests run: 0" with no reason; a skipped test counts as
     * skipped, with the reason in its report (and in the warning above on the console).
     */
    @BeforeEach
    void forgetEarlierPages() {
        Assumptions.assumeTrue(browser != null, () -> OfflineBrowser.missing().orElseThrow());
        browser.requests();
        browser.console();
    }

    @Test
    void graphiQlRunsAQueryWithNoHostButThisServerReachable() {
        // The browser is offline indeed: the CDN Spring for GraphQL's own page loads from does not resolve.
        String cdn;
        try {
            browser.driver.get("https://esm.sh/react@18.3.1");
            cdn = browser.driver.findElement(By.tagName("body")).getText(); // the browser's error page
        } catch (WebDriverException e) {
            cdn = e.getMessage(); // the driver's report of the failed navigation
        }
        assertThat(cdn).contains("ERR_NAME_NOT_RESOLVED");
        browser.requests();
        browser.console();

        browser.driver.get("http://localhost:" + port + "/graphiql");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/graphiql?path=/graphql");
        WebElement editor = browser.await(driver -> driver.findElement(By.cssSelector(".graphiql-query-editor .CodeMirror")),
                () -> "GraphiQL's editor; the page shows: " + browser.driver.findElement(By.tagName("body")).getText());

        // Set through the editor's own API: keys sent to it were lost on a busy machine ("{ (g) { { } { } } }").
        browser.driver.executeScript("arguments[0].CodeMirror.setValue(arguments[1])", editor, QUERY);
        assertThat(browser.driver.executeScript("return arguments[0].CodeMirror.getValue()", editor))
                .as("the query in GraphiQL's editor").isEqualTo(QUERY);
        browser.driver.findElement(By.cssSelector("button.graphiql-execute-button")).click();

        WebElement result = browser.driver.findElement(By.cssSelector(".graphiql-response .result-window"));
        browser.await(driver -> result.getText().contains("\"key\""), () -> "the answer; the result pane shows: " + result.getText());
        browser.screenshot("graphiql-offline.png");
        assertThat(result.getText()).contains("\"01/09520011001021/10/LC2601\"", "Liancheng dried sweet potato",
                "Liancheng Dried Sweet Potato").doesNotContain("\"errors\"");

        List<String> requests = browser.requests();
        assertThat(requests).as("the page's own files, from this server")
                .anySatisfy(url -> assertThat(url).endsWith("/graphiql.min.js"))
                .anySatisfy(url -> assertThat(url).endsWith("/react-dom.production.min.js"))
                .anySatisfy(url -> assertThat(url).endsWith("/graphiql/start.js"))
                .anySatisfy(url -> assertThat(url).endsWith("/graphql"));
        assertThat(requests).as("requests to another host than this server").allMatch(OfflineBrowser::local);
        assertThat(browser.console()).as("the console").noneMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    void theScanPageLoadsNothingFromAnotherHost() {
        // A lot no other test scans: the scan this records counts in no other test's answer.
        browser.driver.get("http://localhost:" + port + "/01/09520011001021/10/LC2603");

        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Liancheng dried sweet potato");
        browser.screenshot("scan-page-offline.png");
        List<String> requests = browser.requests();
        assertThat(requests).as("the page, from this server").anySatisfy(url -> assertThat(url).contains("/01/09520011001021/10/LC2603"));
        assertThat(requests).as("requests to another host than this server").allMatch(OfflineBrowser::local);
        assertThat(browser.console()).as("the console").noneMatch(line -> line.contains("Content Security Policy"));
    }
}
