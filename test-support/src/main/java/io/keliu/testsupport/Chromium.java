package io.keliu.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java, as the dashboard's browser tests and bench/dashboard.sh launch it
 * (who uses it declares the {@code playwright} dependency: test-support has it as optional). Playwright's own browser
 * builds cannot be downloaded here, so the driver is told not to try ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}; its
 * Node.js comes in the driver-bundle jar) and launches {@code /usr/bin/chromium}, which {@code .ci/run} installs with
 * apt-get where it is missing.
 */
public final class Chromium implements AutoCloseable {
    /** Where Debian's package puts it; {@code -Dkeliu.chromium=…} for another place. */
    public static final Path EXECUTABLE = Path.of(System.getProperty("keliu.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts the browser, or skips the calling test class when Chromium is not installed (and says so). */
    public static Chromium launchOrSkip() {
        assumeTrue(Files.isExecutable(EXECUTABLE), () -> "Chromium is not installed at " + EXECUTABLE
                + ", so the browser tests are skipped. Install it (Debian: apt-get install chromium; .ci/run does"
                + " so where apt-get can) or point -Dkeliu.chromium at a Chromium.");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
