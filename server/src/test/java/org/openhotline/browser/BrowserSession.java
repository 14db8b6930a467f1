package org.openhotline.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.testing.ApiClient;

/**
 * One browser user of the web UI in a test: a fresh Chromium context (own cookies) on a page of the given size,
 * against the platform on {@code port}. The Chromium is Debian's {@code /usr/bin/chromium} (override with
 * {@code -Dhotline.chromium=...}), started once per test JVM and shared by every session.
 *
 * <p>Typical use in a {@code @HotlineTest @ExtendWith(BrowserSessions.class)} class: take a {@code BrowserSession}
 * test parameter, {@code login("agent2")}, {@code goTo("/workorders")}, then use {@link #page()} with Playwright
 * locators. The extension screenshots the page into {@code target/screenshots} when the test fails, and fails a
 * test whose page had a failed API call or a console error (announce provoked failures with
 * {@link #expectApiFailure}).
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final int TIMEOUT_MS = 15_000;

    static {
        // Assertions wait as long as actions do: at a load of 40 a screen's first API answer took longer than the
        // 5 s Playwright allows by default (MachineInspectionBrowserTest saw an empty table). A wait on a
        // condition costs nothing when the answer is quick.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    private static Playwright playwright;
    private static Browser browser;

    private final String base;
    private final BrowserContext context;
    private final Page page;
    /** What went wrong on the page: API answers ≥ 400 nobody expected, console errors, uncaught exceptions. */
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Expected> expected = new CopyOnWriteArrayList<>();

    private record Expected(int status, String path) {}

    private BrowserSession(int port, int width, int height) {
        this.base = "http://localhost:" + port;
        this.context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setAcceptDownloads(true));
        this.context.setDefaultTimeout(TIMEOUT_MS);
        this.page = context.newPage();
        // The first GET /api/auth/me of a visit answers 401 when nobody is logged in: that is how the page learns it.
        expected.add(new Expected(401, "/api/auth/me"));
        watch();
    }

    /**
     * Writes down every failed API call (HTTP ≥ 400 under /api that the test did not announce with
     * {@link #expectApiFailure}), every console error and every uncaught exception of the page. The browser's own
     * "Failed to load resource" line for an API answer is left to the response check, so an expected 4xx is not
     * reported twice.
     */
    private void watch() {
        page.onResponse(r -> {
            String path = URI.create(r.url()).getPath();
            if (r.status() >= 400 && path.startsWith("/api/")
                    && expected.stream().noneMatch(e -> e.status() == r.status() && path.startsWith(e.path()))) {
                problems.add("API " + r.request().method() + " " + path + " answered " + r.status() + ": " + body(r));
            }
        });
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !(m.text().startsWith("Failed to load resource") && m.location().contains("/api/"))) {
                problems.add("console error: " + m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> problems.add("uncaught error on the page: " + e));
    }

    private static String body(com.microsoft.playwright.Response r) {
        try {
            return r.text();
        } catch (RuntimeException e) {
            return "(no body)";
        }
    }

    /**
     * Announces an API failure the test provokes on purpose (e.g. a refused form): answers with {@code status} to
     * paths starting with {@code pathPrefix} are not counted as problems.
     */
    public BrowserSession expectApiFailure(int status, String pathPrefix) {
        expected.add(new Expected(status, pathPrefix));
        return this;
    }

    /** What went wrong on the page so far (see {@link #watch}); {@link BrowserSessions} fails the test on any. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** A desktop session (1366×768, the smallest screen the hotline's PCs have). */
    public static BrowserSession open(int port) {
        return new BrowserSession(port, 1366, 768);
    }

    /** A session on a screen of the given size, e.g. {@code open(port, 390, 844)} for a phone. */
    public static BrowserSession open(int port, int width, int height) {
        return new BrowserSession(port, width, height);
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("hotline.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    public Page page() {
        return page;
    }

    public String baseUrl() {
        return base;
    }

    /** Logs in through the login page with the demo password and waits for the main layout. */
    public BrowserSession login(String username) {
        return login(username, ApiClient.DEMO_PASSWORD);
    }

    public BrowserSession login(String username, String password) {
        submitLogin(username, password);
        page.locator(".shell-menu").first().waitFor();
        return this;
    }

    /** Fills and submits the login form and waits for the server's answer; does not expect success. */
    public void submitLogin(String username, String password) {
        if (!page.url().contains("#/login")) {
            page.navigate(base + "/#/login");
        }
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.waitForResponse(r -> r.url().endsWith("/api/auth/login"), () -> page.locator(".login-submit").click());
    }

    /** The error the login page shows (the server's {@code detail}). */
    public String loginError() {
        Locator error = page.locator(".login-error");
        error.waitFor();
        return error.innerText().trim();
    }

    /** Opens a screen of the shell by its route path, e.g. {@code goTo("/admin/accounts")}. */
    public BrowserSession goTo(String path) {
        page.navigate(base + "/#" + path);
        page.locator(".shell-content").first().waitFor();
        return this;
    }

    /** The titles of the side menu's entries, in order. */
    public List<String> menuTitles() {
        page.locator(".shell-menu .el-menu-item").first().waitFor();
        return page.locator(".shell-menu .el-menu-item").allInnerTexts().stream().map(String::trim).toList();
    }

    /** Logs out through the user menu (with its confirmation) and waits for the login page. */
    public void logout() {
        page.locator(".user-button").click();
        page.locator(".el-dropdown-menu__item:visible", new Page.LocatorOptions().setHasText("退出登录")).click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        page.waitForURL("**/#/login**");
    }

    /** Waits until some element matching {@code selector} shows {@code text}. */
    public void expectText(String selector, String text) {
        PlaywrightAssertions.assertThat(page.locator(selector, new Page.LocatorOptions().setHasText(text)).first())
                .isVisible();
    }

    /** Saves a full-page PNG as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
    }
}
