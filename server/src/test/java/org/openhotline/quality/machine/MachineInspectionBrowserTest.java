package org.openhotline.quality.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.browser.BrowserSession;
import org.openhotline.browser.BrowserSessions;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 机检标记 and 机检规则 through the screens: the inspector opens a machine-inspected call from the flag list, sees its
 * figures, confirms its dead-air flag, and the rules screen shows the rule's decisions; a rule saved on the screen
 * is stored.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class MachineInspectionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @TempDir
    Path dir;

    @Test
    void anInspectorConfirmsAFlagAndTheRulesScreenCountsIt(BrowserSession browser) throws Exception {
        RecordedCallFixture calls = new RecordedCallFixture(jdbc, tx, events);
        String id = calls.recordedCall(dir);
        calls.publishRecorded(id);
        ApiClient qc = ApiClient.loggedIn(port, "qc1");
        Wait.until("machine inspection of " + id, () -> qc.get("/api/quality/machine/calls/" + id).status() == 200,
                Duration.ofSeconds(60), () -> "");

        Page page = browser.page();
        browser.login("qc1");
        browser.goTo("/quality/machine/flags");
        page.locator(".call-link", new Page.LocatorOptions().setHasText(id)).first().click();
        Locator drawer = page.locator(".call-drawer");
        PlaywrightAssertions.assertThat(drawer.locator(".figures")).containsText("已机检");
        Locator dead = drawer.locator(".el-table__row", new Locator.LocatorOptions().setHasText("冷场"));
        page.waitForResponse(r -> r.url().endsWith("/decision") && r.status() == 200,
                () -> dead.locator(".confirm").click());
        PlaywrightAssertions.assertThat(dead.locator(".decision")).hasText("已确认");

        browser.goTo("/quality/machine/rules");
        PlaywrightAssertions.assertThat(page.locator(".precision[data-rule=DEAD_AIR]"))
                .hasText(java.util.regex.Pattern.compile("\\d+%"));

        JsonRule before = JsonRule.of(qc, "CALL_ACW");
        page.locator(".threshold[data-rule=CALL_ACW] input").fill("150");
        page.waitForResponse(r -> r.url().endsWith("/rules/CALL_ACW") && r.status() == 200,
                () -> page.locator(".save[data-rule=CALL_ACW]").click());
        assertThat(JsonRule.of(qc, "CALL_ACW").threshold()).isEqualTo(150);
        assertThat(browser.problems()).isEmpty();
        // Put it back for the other tests.
        assertThat(qc.put("/api/quality/machine/rules/CALL_ACW", Map.of("threshold", before.threshold(),
                "version", before.version() + 1)).status()).isEqualTo(200);
    }

    private record JsonRule(double threshold, int version) {
        static JsonRule of(ApiClient qc, String code) {
            for (var r : qc.get("/api/quality/machine/rules").json()) {
                if (r.path("rule").path("code").asString().equals(code)) {
                    return new JsonRule(r.path("rule").path("threshold").asDouble(), r.path("rule").path("version").asInt());
                }
            }
            throw new AssertionError("no rule " + code);
        }
    }
}
