package org.talkfeed.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.talkfeed.browser.Browser.Viewport;
import org.talkfeed.serve.SiteServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser tests' own tools, on small pages made to have the faults they look for. */
class BrowserTest {
    private static final String HEAD = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>t</title></head><body>";

    @TempDir
    static Path dir;
    private static SiteServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("fits.html"), HEAD + "<main><h1>Fits</h1><p>" + "Short words. ".repeat(400) + "</p></main></body></html>");
        Files.writeString(site.resolve("wide.html"), HEAD + "<main><h1>Wide</h1><pre>" + "x".repeat(80) + "</pre></main></body></html>");
        Files.writeString(site.resolve("no-viewport.html"), HEAD.replace("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "")
                + "<main><h1>Desktop only</h1></main></body></html>");
        Files.writeString(site.resolve("faults.html"), "<!doctype html><html><head><title>f</title></head><body>"
                + "<img src=\"a.png\"><input type=\"search\"><p style=\"color:#bbb;background:#fff\">faint</p></body></html>");
        Files.writeString(site.resolve("late.html"), HEAD + "<main><h1>Late</h1><input type=\"search\" id=\"search\" aria-label=\"s\">"
                + "<ol id=\"results\"></ol></main><script>document.getElementById('search').addEventListener('input', e => {"
                + "const q = e.target.value; setTimeout(() => { document.getElementById('results').innerHTML ="
                + " '<li class=\"result\"><a href=\"#\">' + q.toUpperCase() + '</a></li>'; }, 200); });</script></body></html>");
        server = SiteServer.start("127.0.0.1", 0, site);
        browser = Browser.start(dir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String url(String page) {
        return "http://127.0.0.1:" + server.port() + "/" + page;
    }

    @Test
    void lowersTheViewportToAPhonesWidthAndSeesWhatRunsOffItsEdge() {
        browser.viewport(Viewport.PHONE);
        browser.open(url("fits.html"));
        assertThat(browser.layoutWidth()).isEqualTo(390);
        assertThat(browser.horizontalOverflow()).isZero();

        browser.open(url("wide.html"));
        assertThat(browser.horizontalOverflow()).as("80 characters of preformatted text").isPositive();

        browser.open(url("no-viewport.html"));
        assertThat(browser.layoutWidth())
                .as("a page without a viewport meta tag is laid out for a desktop, as on a phone").isGreaterThan(390);

        browser.viewport(Viewport.DESKTOP);
        browser.open(url("wide.html"));
        assertThat(browser.layoutWidth()).isEqualTo(1280);
        assertThat(browser.horizontalOverflow()).isZero();
    }

    @Test
    void waitsForWhatAScriptShowsLater() {
        browser.viewport(Viewport.DESKTOP);
        browser.open(url("late.html"));
        browser.all("#search").get(0).sendKeys("grace");

        List<String> shown = browser.await(b -> b.all("#results li.result a").stream().map(WebElement::getText).toList(),
                List.of("GRACE")::equals);

        assertThat(shown).containsExactly("GRACE");
    }

    @Test
    void screenshotsTheWholePageBeyondTheViewport() throws Exception {
        browser.viewport(Viewport.PHONE);
        browser.open(url("fits.html"));
        Path file = browser.screenshot("browser-test-tall", Viewport.PHONE);

        assertThat(file).hasFileName("browser-test-tall-390.png");
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(390);
        assertThat(image.getHeight()).as("the page is taller than the phone's 844 px")
                .isEqualTo(browser.<Number>eval("document.documentElement.scrollHeight").intValue()).isGreaterThan(844);
    }

    @Test
    void axeFindsTheWcagFaultsOfAPageAndNoneOnACleanOne() throws Exception {
        browser.viewport(Viewport.DESKTOP);
        browser.open(url("faults.html"));
        assertThat(browser.accessibilityViolations()).extracting(Browser.Violation::id)
                .contains("image-alt", "label", "html-has-lang", "color-contrast");

        browser.open(url("fits.html"));
        assertThat(browser.accessibilityViolations()).isEmpty();
    }
}
