package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in real headless Chromium: it loads cleanly, streams lines and shows an injected episode. */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Running app;
    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void open() throws Exception {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the dashboard test needs a real browser."
                        + " Install Debian's packages: apt-get install -y chromium chromium-driver");
            }
        }
        app = Running.start(Running.options().seed(42L).start(null));
        profile = Files.createTempDirectory("synthlogs-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void the_dashboard_streams_lines_and_shows_an_injected_error_spike() throws Exception {
        browser.get(app.base + "/ui");

        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        wait.until(d -> !d.findElements(By.cssSelector("#lines tbody tr")).isEmpty());

        browser.findElement(By.id("interval")).clear();
        browser.findElement(By.id("interval")).sendKeys("0.25");
        browser.findElement(By.id("apply")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("applied"));

        browser.findElement(By.id("inject-error_spike")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("injected error spike"));
        wait.until(d -> d.findElements(By.cssSelector("#lines tr.anomaly[data-type='error_spike']")).size() >= 20);
        wait.until(d -> !d.findElements(By.cssSelector("#chart rect.episode[data-type='error_spike']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#lines tr.anomaly[data-type='error_spike']")).getText())
                .contains("error spike");
        // Show the highlighted lines in the screenshot.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})",
                browser.findElement(By.cssSelector("#lines tr.anomaly")));
        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(problems).as("browser console errors").isEmpty();
    }

    @Test
    void the_episode_under_way_and_the_injections_queued_are_shown() {
        browser.get(app.base + "/ui");
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        wait.until(d -> d.findElement(By.id("episodes-now")).getText().equals("no episode under way; no injection queued"));
        for (String[] field : new String[][] {{"anomaly-rate", "0"}, {"batch-size", "5"}, {"interval", "1"}}) {
            browser.findElement(By.id(field[0])).clear();
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        browser.findElement(By.id("apply")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().equals("stream settings applied"));
        for (String type : List.of("security_threat", "error_spike", "data_anomaly")) {
            browser.findElement(By.id("inject-" + type)).click();
            wait.until(d -> d.findElement(By.id("message")).getText().startsWith("injected " + type.replace('_', ' ')));
        }
        // At 5 lines a second the first runs for seconds while the other two wait their turn.
        wait.until(d -> d.findElement(By.id("episodes-now")).getText().matches(
                "under way: security threat ep-\\d+; 2 queued, next: error spike ep-\\d+ from line \\d+"));
    }

    @Test
    void the_rate_field_shows_the_configured_rate_and_applying_other_settings_keeps_it() {
        assertThat(app.put("/api/config/anomalies", "{\"anomaly_rate\": 0.3}").status()).isEqualTo(200);
        browser.get(app.base + "/ui");
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        WebElement rate = browser.findElement(By.id("anomaly-rate"));
        wait.until(d -> "configured: 0.3".equals(rate.getAttribute("placeholder")));
        assertThat(rate.getAttribute("value")).as("no rate of the page's own").isEmpty();

        WebElement batch = browser.findElement(By.id("batch-size"));
        batch.clear();
        batch.sendKeys("20", Keys.ENTER); // Enter applies, as in any form
        wait.until(d -> d.findElement(By.id("message")).getText().equals("stream settings applied"));
        assertThat(batch.getAttribute("value")).isEqualTo("20");
        assertThat(rate.getAttribute("value")).as("the stream still at the configured rate").isEmpty();
    }

    @Test
    void invalid_settings_are_named_marked_and_not_sent() throws Exception {
        browser.get(app.base + "/ui");
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        for (String[] bad : new String[][] {{"batch-size", "5000", "batch size must be a whole number from 1 to 1000"},
            {"batch-size", "2.5", "batch size must be a whole number"}, {"interval", "0.01", "interval must be from 0.05"},
            {"anomaly-rate", "1.5", "anomaly rate must be from 0 to 1"}}) {
            WebElement field = browser.findElement(By.id(bad[0]));
            field.clear();
            field.sendKeys(bad[1]);
            browser.findElement(By.id("apply")).click();
            wait.until(d -> d.findElement(By.id("message")).getText().contains(bad[2]));
            assertThat(field.getAttribute("aria-invalid")).as(bad[1]).isEqualTo("true");
            field.clear();
            field.sendKeys(bad[0].equals("anomaly-rate") ? "" : bad[0].equals("interval") ? "1" : "10");
        }
        Thread.sleep(500);
        assertThat(browser.findElement(By.id("message")).getText()).as("nothing was sent, so nothing applied")
                .contains("anomaly rate must be");
    }

    @Test
    void after_a_server_restart_the_page_starts_afresh_with_its_settings_and_unpaused() {
        browser.get(app.base + "/ui");
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        WebElement batch = browser.findElement(By.id("batch-size"));
        batch.clear();
        batch.sendKeys("7", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("message")).getText().equals("stream settings applied"));
        browser.findElement(By.id("pause")).click();
        wait.until(d -> d.findElement(By.id("pause")).getText().equals("resume"));
        int port = app.uri("/").getPort();

        app.close();
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("disconnected"));
        wait.until(d -> d.findElement(By.id("message")).getText().contains("reconnecting in"));
        app = Running.start(Running.options().seed(43L).start(null).port(port));

        wait.until(d -> d.findElement(By.id("seed")).getText().equals("43"));
        assertThat(browser.findElement(By.id("pause")).getText()).as("a new connection streams").isEqualTo("pause");
        assertThat(browser.findElement(By.id("pause")).getAttribute("aria-pressed")).isEqualTo("false");
        wait.until(d -> d.findElement(By.id("message")).getText().equals("stream settings applied"));
        assertThat(batch.getAttribute("value")).as("the user's settings, sent again").isEqualTo("7");
        wait.until(d -> !d.findElements(By.cssSelector("#lines tbody tr")).isEmpty());
        long received = Long.parseLong(browser.findElement(By.id("total")).getText());
        long served = app.get("/api/status").json().get("total_generated").asLong();
        assertThat(received).as("counted from the new connection only").isPositive().isLessThanOrEqualTo(served);
    }

    @Test
    void a_wrong_token_is_explained_not_retried() throws Exception {
        app.close();
        app = Running.start(Running.options().seed(42L).start(null).token("s3cret"));
        browser.get(app.base + "/ui?token=wrong");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("refused: wrong token"));
        assertThat(browser.findElement(By.id("conn")).getText()).isEqualTo("refused");
        assertThat(browser.findElement(By.id("message")).getText()).contains("/ui?token=");
    }

    @Test
    void a_narrow_screen_gets_one_column_and_no_sideways_scroll() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 420, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        browser.get(app.base + "/ui");
        wait.until(d -> d.findElement(By.id("conn")).getText().equals("connected"));
        wait.until(d -> !d.findElements(By.cssSelector("#lines tbody tr")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat((Boolean) js.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        Number chartWidth = (Number) js.executeScript("return document.getElementById('chart').getBoundingClientRect().width");
        assertThat(chartWidth.doubleValue()).as("the chart takes the width").isGreaterThan(350);
    }
}
