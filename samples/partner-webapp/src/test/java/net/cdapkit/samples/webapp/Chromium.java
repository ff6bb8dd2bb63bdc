package net.cdapkit.samples.webapp;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: Selenium Manager's downloads
 * cannot be reached from our machines, so the browser and driver are the system's.
 *
 * <p>Missing browser: with {@code CI=true} the tests fail (a CI run must never pass without them);
 * otherwise they are skipped with a message saying what to install. The build installs both when it
 * can ({@code src/build/ensure-chromium.sh}).
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** A new headless browser, or the test class skipped (failed on CI) when none is installed. */
  static ChromeDriver start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String missing =
          "Browser tests need Debian's chromium and chromium-driver ("
              + BROWSER
              + ", "
              + DRIVER
              + "): apt-get install chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and no browser: " + missing);
      }
      System.err.println("[browser-tests] SKIPPED: " + missing);
      Assumptions.abort(missing);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=fr-FR");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as a test artifact under target/screenshots. */
  static Path screenshot(WebDriver browser, String name) {
    Path dir = Path.of(System.getProperty("cdapkit.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
