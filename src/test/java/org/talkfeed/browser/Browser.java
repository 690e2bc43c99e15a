package org.talkfeed.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talkfeed.Needs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium: both programs are named, so Selenium
 * never looks for or downloads one of its own. A fresh profile in {@code scratch}; no network beyond the pages asked for.
 * Without the programs a test is skipped, and fails in CI ({@link Needs}).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Between two looks at the page while waiting for it to change, and how many looks at most. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_POLLS = 300;
    /** A full-page screenshot stops here: an endless page must not make an endless image. */
    private static final int MAX_SCREENSHOT_HEIGHT = 16_000;
    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium's version; the tests use only
     * chromedriver's own DevTools command endpoint, which needs none. Held here so that the setting is not collected.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    /** The two widths the archive is read at: a phone's and a desktop's (CSS pixels). */
    public enum Viewport {
        PHONE(390, 844, true), DESKTOP(1280, 900, false);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** One WCAG rule that axe-core found broken, and (some of) the elements that break it. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium with a new profile under {@code scratch}; skips (or fails in CI) when it is not installed. */
    public static Browser start(Path scratch) throws IOException {
        Needs.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        // Selenium's HTTP client would otherwise trace each command with OpenTelemetry.
        System.setProperty("webdriver.remote.enableTracing", "false");
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + Viewport.DESKTOP.width + "," + Viewport.DESKTOP.height,
                "--user-data-dir=" + Files.createTempDirectory(scratch, "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Lays pages out at {@code viewport}'s size; a phone's as a phone does (its viewport meta tag counts). */
    public void viewport(Viewport viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width, "height", viewport.height, "deviceScaleFactor", 1, "mobile", viewport.mobile));
    }

    /**
     * Renders pages as for {@code media} ("screen" or "print") with the reader's {@code colorScheme} ("light" or
     * "dark"), as a system in dark mode, or printing, would.
     */
    public void emulate(String media, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    /** Opens {@code url} and waits until the document has loaded (WebDriver's page-load strategy). */
    public void open(String url) {
        driver.get(url);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public String text(String cssSelector) {
        List<WebElement> found = all(cssSelector);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The value of a JavaScript expression on the current page. */
    @SuppressWarnings("unchecked")
    public <T> T eval(String expression) {
        return (T) ((JavascriptExecutor) driver).executeScript("return " + expression + ";");
    }

    /**
     * The width the page is laid out at (the root element's client width): the viewport's width when the page has a
     * viewport meta tag, else the 980 px a phone assumes for a desktop page.
     */
    public int layoutWidth() {
        return this.<Number>eval("document.documentElement.clientWidth").intValue();
    }

    /**
     * How far the page reaches past the right edge of its layout width, in CSS pixels (0 when it fits). On a phone
     * window.innerWidth grows with content that overflows, so it cannot be the measure.
     */
    public long horizontalOverflow() {
        Number over = eval("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return Math.max(0, over.longValue());
    }

    /**
     * Waits until {@code read} gives a value that {@code done} accepts, looking at most {@link #MAX_POLLS} times, and
     * returns the last value read either way: the caller's assertion says what was expected and what was there.
     */
    public <T> T await(Function<Browser, T> read, Predicate<T> done) {
        Object[] last = new Object[1];
        try {
            new WebDriverWait(driver, POLL.multipliedBy(MAX_POLLS), POLL).until(d -> {
                T value = read.apply(this);
                last[0] = value;
                return done.test(value);
            });
        } catch (TimeoutException e) {
            // the last value read shows what the page had instead
        }
        @SuppressWarnings("unchecked")
        T value = (T) last[0];
        return value;
    }

    /** Saves the whole page, not only what the viewport shows, as target/screenshots/NAME-WIDTH.png. */
    public Path screenshot(String name, Viewport viewport) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(((Number) content.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
        double width = Math.max(((Number) content.get("width")).doubleValue(), viewport.width);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + viewport.width + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** The WCAG 2 A and AA rules that axe-core finds broken on the current page. */
    public List<Violation> accessibilityViolations() throws IOException {
        Needs.that(Files.isRegularFile(AXE), "axe-core (npm ci in src/test/js)");
        driver.manage().timeouts().scriptTimeout(POLL.multipliedBy(MAX_POLLS));
        ((JavascriptExecutor) driver).executeScript(Files.readString(AXE));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
                    .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                        targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
                    .catch(e => done('axe failed: ' + e));
                """);
        if (result instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) result;
        return found.stream().map(v -> {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) v.get("targets");
            return new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), targets);
        }).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
