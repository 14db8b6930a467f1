package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizen portal on a phone-sized screen, without any login: submit an appeal (captcha answered as a person
 * reads it), keep the receipt, query the progress with number + code, and after the unit's reply rate it 非常满意.
 */
@HotlineTest
@Timeout(240)
class PortalBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenSubmitsKeepsTheReceiptFollowsTheOrderAndRatesTheReply() {
        try (BrowserSession citizen = BrowserSession.open(port, 390, 844)) {
            Page p = citizen.page();
            String content = "小区北门的路灯坏了两个星期，晚上很黑，老人出行不安全（" + UUID.randomUUID().toString().substring(0, 6) + "）";
            // /portal is the short address; the captcha the page loads is the one to answer
            var captcha = p.waitForResponse(r -> r.url().endsWith("/api/portal/captcha"), () -> p.navigate(citizen.baseUrl() + "/portal"));
            String captchaId = captcha.text().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(p.locator(".portal-title")).containsText("市民门户");
            p.locator("textarea[data-test=content]").fill(content);
            p.locator("input[data-test=name]").fill("赵女士");
            p.locator("input[data-test=phone]").fill("136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
            int answer = jdbc.sql("select answer from ch_captcha where id = ?::uuid").param(captchaId).query(Integer.class).single();
            p.locator("input[data-test=captcha-answer]").fill(String.valueOf(answer));
            p.locator("[data-test=submit]").click();

            assertThat(p.locator("[data-test=receipt]")).containsText("您的诉求已提交");
            String number = p.locator("[data-test=receipt-number]").innerText().trim();
            String code = p.locator("[data-test=receipt-code]").innerText().trim();
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select channel from work_order where number = ? and content = ?")
                    .params(number, content).query(String.class).single()).isEqualTo("WEB");

            p.locator("[data-test=receipt] .el-button").click();
            assertThat(p.locator("input[data-test=query-number]")).hasValue(number);
            p.locator("input[data-test=query-code]").fill(code);
            p.locator("[data-test=query]").click();
            assertThat(p.locator("[data-test=state]")).hasText("待派单");
            assertThat(p.locator("[data-test=progress]")).containsText("诉求已受理");

            long id = jdbc.sql("select id from work_order where number = ?").param(number).query(Long.class).single();
            replied(id, "已更换路灯灯泡，恢复照明");
            p.locator("[data-test=query]").click();
            assertThat(p.locator("[data-test=reply]")).hasText("已更换路灯灯泡，恢复照明");
            p.locator("[data-test=grades] .el-radio", new Page.LocatorOptions().setHasText("非常满意")).click();
            p.locator("[data-test=rate]").click();
            assertThat(p.locator("[data-test=state]")).hasText("已办结");
            assertThat(p.locator("[data-test=progress]")).containsText("您的评价：非常满意");
            org.assertj.core.api.Assertions.assertThat(citizen.problems()).isEmpty();
        }
    }

    private void replied(long id, String text) {
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var unit = ApiClient.loggedIn(port, "gdj1");
        long unitId = jdbc.sql("select id from org_node where code = 'GDJ'").query(Long.class).single();
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unitId));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ?").param(id).query(Long.class).single();
        ok(unit, "/api/work-orders/" + id + "/assignments/" + a + "/sign", Map.of());
        ok(unit, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", text));
        ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
    }

    private void ok(ApiClient client, String path, Map<String, Object> body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        if (r.status() != 200) {
            throw new AssertionError(path + " → " + r.body());
        }
    }
}
