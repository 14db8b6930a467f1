package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The call-center screens around the desk: where an agent lands, the QC inspector's call records, the admin's
 * agents with their names, the number bindings with their current flow, the IVR form editor, and API errors shown
 * once by the shell's error toast.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class CallCenterAdminBrowserTest {

    @LocalServerPort
    int port;

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    /** Picks an option of an Element Plus select and waits until its dropdown is gone (they fade out). */
    private static void choose(Page p, Locator select, String option) {
        select.click();
        p.locator(".el-select-dropdown__item:visible", hasText(option)).click();
        assertThat(p.locator(".el-select-dropdown:visible")).hasCount(0);
    }

    @Test
    void anAgentLandsOnTheDeskAndADispatcherOnTheHomePage(BrowserSession browser) {
        browser.login("agent6");
        browser.page().waitForURL("**/#/callcenter/desk");
        browser.expectText(".page-title", "坐席工作台");
        browser.logout();
        browser.login("dispatcher1");
        browser.page().waitForURL("**/#/home");
    }

    @Test
    void theQcInspectorHasTheCallRecordsScreenWithTheRecordsOfTheApi(BrowserSession browser) {
        browser.login("qc1");
        assertThat(browser.menuTitles()).contains("通话记录");
        browser.page().locator(".shell-menu .el-menu-item", hasText("通话记录")).click();
        browser.page().waitForURL("**/#/callcenter/calls");
        JsonNode calls = ApiClient.loggedIn(port, "qc1").get("/api/callcenter/calls?page=1&size=20").json();
        long total = calls.path("total").asLong();
        assertThat(browser.page().locator(".call-records .el-pagination__total")).containsText(String.valueOf(total));
        if (total == 0) {
            assertThat(browser.page().locator(".calls-table")).containsText("没有符合条件的通话");
        } else {
            assertThat(browser.page().locator(".calls-table .el-table__row").first())
                    .containsText(calls.path("items").get(0).path("caller").asString());
        }
    }

    @Test
    void theAdminSeesAgentNamesAndTheFlowEachNumberRuns(BrowserSession browser) {
        var manager = ApiClient.loggedIn(port, "manager");
        JsonNode agent = manager.get("/api/callcenter/admin/agents").json().valueStream()
                .filter(a -> a.path("username").asString().equals("agent1")).findFirst().orElseThrow();
        assertThat(agent.path("name").asString()).isNotBlank();
        browser.login("manager").goTo("/callcenter/admin");
        Page p = browser.page();
        p.locator(".admin-tabs .el-tabs__item", hasText("坐席与技能")).click();
        Locator row = p.locator(".agents-table .el-table__row", new Page.LocatorOptions().setHasText(agent.path("agentNo").asString()));
        assertThat(row.first()).containsText(agent.path("name").asString());
        assertThat(p.locator(".agents-table")).not().containsText("—");

        JsonNode binding = manager.get("/api/callcenter/admin/numbers").json().valueStream()
                .filter(n -> n.path("number").asString().equals("12345")).findFirst().orElseThrow();
        p.locator(".admin-tabs .el-tabs__item", hasText("IVR 流程")).click();
        // The row whose first cell is the number (a flow's name may contain "12345" too, e.g. "12345 默认导航").
        Locator bound = p.locator(".number-flows .el-table__row").filter(new Locator.FilterOptions()
                .setHas(p.locator("td:first-child", new Page.LocatorOptions().setHasText(
                        java.util.regex.Pattern.compile("^\\s*12345\\s*$")))));
        assertThat(bound).containsText(binding.path("flowName").asString());
        browser.screenshot("callcenter-admin-ivr-bindings");
    }

    @Test
    void anIvrFlowIsBuiltInTheFormAndStoredAsTheEngineReadsIt(BrowserSession browser) {
        String id = "form-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        browser.login("manager").goTo("/callcenter/admin");
        Page p = browser.page();
        p.locator(".admin-tabs .el-tabs__item", hasText("IVR 流程")).click();
        p.locator(".ivr-list .el-button", hasText("新建流程")).click();
        p.locator(".flow-id input").fill(id);
        // the new flow starts with 欢迎语 → 综合咨询; put a working-hours check in front of the queue
        p.locator(".new-step input").fill("hours");
        choose(p, p.locator(".add-step .el-select"), "条件判断");
        p.locator(".add-step-button").click();
        Locator hours = p.locator(".step-card[data-step='hours']");
        choose(p, hours.locator(".next-then"), "agent");
        choose(p, hours.locator(".next-else"), "welcome");
        choose(p, p.locator(".flow-start"), "hours");
        browser.screenshot("callcenter-admin-ivr-form");
        p.locator(".save-flow").click();
        assertThat(p.locator(".ivr-item", hasText(id))).isVisible();

        JsonNode stored = ApiClient.loggedIn(port, "manager").get("/api/callcenter/admin/ivr-flows").json().valueStream()
                .filter(f -> f.path("id").asString().equals(id)).findFirst().orElseThrow();
        JsonNode flow = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored.path("definition").asString());
        assertThat(flow.path("start").asString()).isEqualTo("hours");
        assertThat(flow.path("steps").path("hours").path("test").asString()).isEqualTo("working_hours");
        assertThat(flow.path("steps").path("hours").path("then").asString()).isEqualTo("agent");
        assertThat(flow.path("steps").path("agent").path("queue").asString()).isEqualTo("general");

        // experts see the same flow as JSON
        p.locator(".editor-mode .el-radio-button", hasText("JSON")).click();
        assertThat(p.locator(".flow-json textarea")).hasValue(java.util.regex.Pattern.compile(".*\"working_hours\".*", java.util.regex.Pattern.DOTALL));
    }

    @Test
    void aRefusedRequestShowsTheServersDetailOnceInTheErrorToast(BrowserSession browser) {
        browser.login("manager").goTo("/callcenter/admin");
        Page p = browser.page();
        p.locator(".admin-tabs .el-tabs__item", hasText("黑名单")).click();
        var refused = ApiClient.loggedIn(port, "manager").post("/api/callcenter/admin/blacklist",
                Map.of("number", "不是号码", "reason", "浏览器测试"));
        assertThat(refused.status()).isEqualTo(400);
        browser.expectApiFailure(400, "/api/callcenter/admin/blacklist");
        p.locator(".blacklist-form input[name=number]").fill("不是号码");
        p.locator(".blacklist-form input[name=reason]").fill("浏览器测试");
        p.locator(".add-blacklist").click();
        Locator toast = p.locator(".el-message--error");
        assertThat(toast).hasCount(1);
        assertThat(toast).containsText(refused.detail());
    }

    @Test
    void aSkillGroupsChatCapacityIsSetInItsFormAndChatsWithACallCannotExceedIt(BrowserSession browser) {
        String code = "cap-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        var manager = ApiClient.loggedIn(port, "manager");
        var created = manager.post("/api/callcenter/admin/skill-groups", Map.of("code", code, "name", "并发" + code,
                "strategy", "LONGEST_IDLE", "ringTimeoutS", 20, "maxWaitS", 180, "afterCallWorkS", 30,
                "chatCapacity", 2, "chatsWithCall", 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        browser.login("manager").goTo("/callcenter/admin");
        Page p = browser.page();
        p.locator(".admin-tabs .el-tabs__item", hasText("技能组与队列")).click();
        Locator row = p.locator(".groups-table .el-table__row", hasText(code));
        assertThat(row).containsText("2 个（通话中 1）");
        row.locator(".el-button", new Locator.LocatorOptions().setHasText("编辑")).click();
        Locator dialog = p.locator(".group-dialog");
        dialog.locator(".chat-capacity input").fill("4");
        dialog.locator(".chat-capacity input").press("Tab");
        dialog.locator(".chats-with-call input").fill("5");
        dialog.locator(".chats-with-call input").press("Tab");
        dialog.locator(".save-group").click();
        assertThat(dialog.locator(".el-form-item__error")).containsText("通话中可接待的在线会话不能超过在线客服并发");
        assertThat(manager.get("/api/callcenter/admin/skill-groups").json().valueStream()
                .filter(g -> g.path("id").asLong() == id).findFirst().orElseThrow().path("chatCapacity").asInt()).isEqualTo(2);

        dialog.locator(".chats-with-call input").fill("2");
        dialog.locator(".chats-with-call input").press("Tab");
        dialog.locator(".save-group").click();
        assertThat(row).containsText("4 个（通话中 2）");
        JsonNode saved = manager.get("/api/callcenter/admin/skill-groups").json().valueStream()
                .filter(g -> g.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(saved.path("chatCapacity").asInt()).isEqualTo(4);
        assertThat(saved.path("chatsWithCall").asInt()).isEqualTo(2);
    }
}
