package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

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
}
