package com.carriergateway.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver: both paths are given, so Selenium never looks
 * for (or downloads) a browser or a driver of its own. Keeps every page it was asked to look at (its source, for the
 * no-patient-data check) and saves a screenshot of each under {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("console.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;
    private final Map<String, String> pages = new LinkedHashMap<>();

    ConsoleBrowser(int port) {
        for (String file : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(file).canExecute()) {
                throw new IllegalStateException(file + " is missing: the console's browser tests need Debian's "
                        + "chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The element, once the page shows it: a click that submits a form returns before the next page is there. */
    WebElement find(String css) {
        return waitFor("an element " + css, d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    String text(String css) {
        return find(css).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        // htmx swaps parts of the page while a condition looks at them: a vanished element means "not yet"
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).withMessage(what)
                .until(condition);
    }

    /** Waits until the page, reloaded each time, says what it should (the server renders the record at load). */
    void reloadUntil(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(300))
                .ignoring(StaleElementReferenceException.class).withMessage(what).until(d -> {
            d.navigate().refresh();
            return condition.apply(d);
        });
    }

    void signIn(String user, String password) {
        open("/console/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        WebElement submit = find("#sign-in");
        submit.click();
        // the answer is a new page: until the one with the form is gone, a find could read the old one
        waitFor("the sign-in answered", d -> isGone(submit));
    }

    /**
     * True once the element's page has been replaced. Chromedriver says so either as a stale element or as "Node with
     * given id does not belong to the document" (a plain WebDriverException), depending on how far the new page is.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Keeps the page's source and saves a screenshot of it as {@code target/screenshots/<name>.png}. */
    Path snapshot(String name) {
        pages.put(name, source());
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // the whole page, not only what fits the window
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight"
                    + " + window.outerHeight - window.innerHeight");
            driver.manage().window().setSize(new Dimension(window.getWidth(),
                    Math.max(window.getHeight(), Math.min(4000, height.intValue() + 10))));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), source(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Every page kept so far, by name. */
    Map<String, String> pages() {
        return pages;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
