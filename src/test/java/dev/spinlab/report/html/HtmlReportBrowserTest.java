package dev.spinlab.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spinlab.cli.ExitCodes;
import dev.spinlab.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The acceptance test of --html (issue 17): the page of {@code spinlab check examples/hello
 * --cpus 1 --html FILE} loaded from disk in a real headless Chromium (Debian's chromium and
 * chromium-driver, through Selenium), asserting what is rendered: the CPU lanes, the deadlock's
 * wait cycle, the last steps highlighted, and a click on a step (in the list and on the
 * timeline) and on a stack frame showing the C source line. One browser session for all of it.
 * Without a browser the test is skipped, except under CI (CI=true), where it fails.
 * {@code -Dhtml.screenshot=FILE} also saves the page as PNG (the README's picture).
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    /** Selenium warns that it has no DevTools binding for this Chromium: the test uses none (held: loggers are weak). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static Path find(String env, String... names) {
        String given = System.getenv(env);
        if (given != null && Files.isExecutable(Path.of(given))) {
            return Path.of(given);
        }
        for (String name : names) {
            for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path c = Path.of(p, name);
                if (Files.isExecutable(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** A source line as the page shows it: its number, then its text (the browser's text collapses blanks). */
    private static String shown(int line, List<String> file) {
        return (line + " " + file.get(line - 1).strip()).replaceAll("\\s+", " ");
    }

    @Test
    void theHelloDeadlockRendersInHeadlessChromium() throws Exception {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Path chromium = find("SPINLAB_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        Path driverExe = find("SPINLAB_CHROMEDRIVER", "chromedriver");
        if (chromium == null || driverExe == null) {
            String why = "no headless browser: chromium and chromedriver are needed (apt-get install chromium"
                    + " chromium-driver, or set SPINLAB_CHROMIUM and SPINLAB_CHROMEDRIVER)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; under CI this test must run (.ci/run installs them)");
            }
            Assumptions.assumeTrue(false, why + "; skipped");
        }
        Path page = dir.resolve("hello.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"check", "examples/hello", "--cpus", "1", "--html", page.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(page).exists();
        List<String> hello = Files.readAllLines(Path.of("examples/hello/hello.c"));

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverExe.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--hide-scrollbars");
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            browser.get(page.toUri().toString());
            JavascriptExecutor js = browser;

            // the page opened on the deadlock, with one lane per CPU
            WebElement pick = browser.findElement(By.id("timeline-select"));
            assertThat(pick.findElement(By.cssSelector("option:checked")).getText()).contains("deadlock");
            List<WebElement> lanes = browser.findElements(By.cssSelector(".lane-label[data-cpu]"));
            assertThat(lanes).extracting(e -> e.getText().lines().findFirst().orElse("")).containsExactly("CPU#0");
            assertThat(browser.findElement(By.id("headline")).getText()).startsWith("deadlock: no CPU can make progress");
            // the canvas is drawn: the CPU's band has pixels
            Number painted = (Number) js.executeScript(
                    "var c = document.getElementById('tl'), r = window.devicePixelRatio || 1;"
                    + "var y = Math.round(window.spinlab.laneY(0) * r);"
                    + "var d = c.getContext('2d').getImageData(0, y, c.width, 1).data, n = 0;"
                    + "for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n / (d.length / 4);");
            assertThat(painted.doubleValue()).isGreaterThan(0.5);

            // the wait cycle: b on CPU#0 spins on &lock, held by a, who needs the CPU b keeps
            assertThat(browser.findElement(By.cssSelector("#cycle h3")).getText()).isEqualTo("Wait cycle (deadlock)");
            assertThat(browser.findElements(By.cssSelector("#cycle-svg .node")))
                    .extracting(WebElement::getText).containsExactly("CPU#0 (b)", "&lock", "a");
            assertThat(browser.findElements(By.cssSelector("#cycle-svg path.edge"))).hasSize(3);
            assertThat(browser.findElements(By.cssSelector("#cycle li.edge"))).extracting(WebElement::getText)
                    .containsExactly("CPU#0 (b) spins on &lock → &lock",
                            "&lock held by a, which is not running → a",
                            "a needs a CPU to run and release it; b spins on CPU#0 with preemption disabled"
                                    + " (preempt_count 00000001), so never gives it up → CPU#0 (b)");
            // the last steps are highlighted, the last one among them
            List<WebElement> last = browser.findElements(By.cssSelector(".row.last"));
            assertThat(last).isNotEmpty();
            // (its number is the trace's length, which moves with the model kernel's code)
            assertThat(last.get(last.size() - 1).getText()).matches("(?s)\\d{3,}CPU#0 b steps: arch_spin_lock .*");

            // a click on a step in the list: its stack, and the C line it is at
            Number driverStep = (Number) js.executeScript(
                    "var s = window.spinlab.data.timelines[document.getElementById('timeline-select').value].steps;"
                    + "for (var i = s.length - 1; i >= 0; i--) if (s[i].file === 'examples/hello/hello.c') {"
                    + " var l = document.getElementById('steplist'); l.scrollTop = i * 20 - 60;"
                    + " l.dispatchEvent(new Event('scroll')); return i; } return -1;");
            int i = driverStep.intValue();
            assertThat(i).isPositive();
            browser.findElement(By.cssSelector(".row[data-step='" + i + "']")).click();
            assertThat(browser.findElement(By.cssSelector("#detail h3")).getText()).startsWith("Step " + (i + 1));
            assertThat(browser.findElements(By.cssSelector("#detail .stack li"))).extracting(WebElement::getText)
                    .anyMatch(t -> t.startsWith("hello_open (examples/hello/hello.c:"));
            String file = browser.findElement(By.cssSelector("#detail .source .file")).getText();
            assertThat(file).startsWith("examples/hello/hello.c:");
            int line = Integer.parseInt(file.substring(file.lastIndexOf(':') + 1));
            assertThat(browser.findElement(By.cssSelector("#detail .source .ln.hl")).getText())
                    .isEqualTo(shown(line, hello));

            // a click on the timeline: the CPU's step at that point
            WebElement canvas = browser.findElement(By.id("tl"));
            // (step numbers from the trace's end: its length moves with the model kernel's code)
            int lastStep = ((Number) js.executeScript("return window.spinlab.data.timelines["
                    + "document.getElementById('timeline-select').value].steps.length - 1;")).intValue();
            int clicked = lastStep - 24;
            Number x = (Number) js.executeScript("return window.spinlab.xOfStep(" + clicked + ");");
            Number y = (Number) js.executeScript("return window.spinlab.laneY(0) + 10;");
            new Actions(browser).moveToElement(canvas, x.intValue() - canvas.getSize().getWidth() / 2,
                    y.intValue() - canvas.getSize().getHeight() / 2).click().perform();
            assertThat(browser.findElement(By.cssSelector("#detail h3")).getText()).startsWith("Step " + (clicked + 1));
            assertThat(browser.findElement(By.cssSelector("#detail .source .ln.hl")).getText()).isNotBlank();

            // a click on a frame of the stack: the driver's line that took the lock
            browser.findElement(By.cssSelector(".row[data-step]")); // the list is there
            js.executeScript("window.spinlab.select(" + lastStep + ");");
            WebElement frame = browser.findElements(By.cssSelector("#detail .stack li")).stream()
                    .filter(e -> e.getText().startsWith("hello_open (examples/hello/hello.c:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no hello_open frame on the last step's stack"));
            String at = frame.getText();
            int openLine = Integer.parseInt(at.substring(at.lastIndexOf(':') + 1, at.length() - 1));
            frame.click();
            assertThat(browser.findElement(By.cssSelector("#detail .source .ln.hl")).getText())
                    .isEqualTo(shown(openLine, hello)).contains("spin_lock(");

            String shot = System.getProperty("html.screenshot");
            if (shot != null && !shot.isBlank()) {
                js.executeScript("window.spinlab.select(" + lastStep + "); window.scrollTo(0, 0);");
                Files.write(Path.of(shot), browser.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            browser.quit();
        }
    }
}
