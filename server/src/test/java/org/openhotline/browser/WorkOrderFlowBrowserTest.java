package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One work order through its whole life in the real screens, each step by its own logged-in user: agent2 takes
 * the call on the intake form and leaves it to the dispatchers, dispatcher1 dispatches it from the dispatch
 * workbench to 国网江州供电公司, that unit's handler gdj1 signs and replies on a 390-px phone, dispatcher1 accepts the
 * reply on the order's detail, callback1 records 满意 on the callback workbench, and the order is closed. The
 * shared database keeps other classes' orders, so the order carries a title of its own and every list is searched
 * for it. gdj1 and agent2 are not locked or changed by any other test.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(240)
class WorkOrderFlowBrowserTest {

    private static final String UNIT = "国网江州供电公司";

    @LocalServerPort
    int port;

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    private static Locator.LocatorOptions within(String text) {
        return new Locator.LocatorOptions().setHasText(text);
    }

    private static Locator.LocatorOptions within(Pattern text) {
        return new Locator.LocatorOptions().setHasText(text);
    }

    /** The text field (input or textarea) of a form whose label is {@code label}. */
    private static Locator textbox(Page page, String label) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** The open dialog (Element Plus keeps closed ones in the page, hidden). */
    private static Locator dialog(Page page) {
        return page.locator(".el-dialog:visible");
    }

    private static void confirm(Page page) {
        Locator open = dialog(page);
        open.locator(".el-dialog__footer .el-button--primary").click();
        assertThat(open).hasCount(0);
    }

    /** Types into an Element Plus tree select of a form item and picks the node whose label is exactly {@code label}. */
    private static void pickInTree(Page page, Locator formItem, String typed, String label) {
        formItem.locator(".el-select").click();
        page.keyboard().type(typed);
        page.locator(".el-popper:visible .el-tree-node__content:visible",
                new Page.LocatorOptions().setHasText(Pattern.compile("^\\s*" + label + "\\s*$"))).first().click();
        assertThat(formItem.locator(".el-select")).containsText(label);
    }

    @Test
    void anAgentTakesItADispatcherDispatchesAUnitSignsAndRepliesTheReplyIsAcceptedTheCitizenIsSatisfiedAndItCloses(
            BrowserSession agent, BrowserSession dispatcher, BrowserSession callback) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "滨江花园一周停电三次（" + tag + "）";

        // 1. agent2 takes the call on the intake form and leaves the order to the dispatchers (转派单员).
        agent.login("agent2").goTo("/workorders/intake");
        Page a = agent.page();
        textbox(a, "来电号码").fill("1397710" + String.format("%04d", Math.abs(tag.hashCode()) % 10_000));
        textbox(a, "来电人").fill("刘女士");
        Locator category = a.locator(".el-form-item", hasText("诉求分类"));
        category.locator(".el-cascader").click();
        category.locator(".el-cascader input").first().fill("停电");
        a.locator(".el-cascader__suggestion-item:visible", hasText("停电")).first().click();
        assertThat(category.locator(".el-cascader input").first()).hasValue(Pattern.compile("停电"));
        pickInTree(a, a.locator(".el-form-item", hasText("所属区域")), "东湖区", "东湖区");
        textbox(a, "详细地址").fill("东湖区滨江路8号滨江花园3栋");
        textbox(a, "标题").fill(title);
        textbox(a, "诉求内容")
                .fill("本周已经停电三次，每次两三个小时，没有任何通知，家里老人用制氧机很危险，请供电部门尽快处理。");
        a.locator(".el-radio-button", hasText("转派单员")).click();
        a.locator(".el-button--primary", hasText("提交")).click();

        a.waitForURL(Pattern.compile(".*#/workorders/\\d+$"));
        long id = Long.parseLong(a.url().replaceAll(".*/", ""));
        Locator number = a.locator(".detail .head .no");
        assertThat(number).hasText(Pattern.compile("\\d{14}"));
        String no = number.innerText().trim();
        assertThat(a.locator(".detail .head .el-tag").first()).hasText("待派单");
        assertThat(a.locator(".detail h3.title")).hasText(title);
        assertThat(a.locator(".step[data-action=created]")).containsText("（agent2）");

        // 2. dispatcher1 finds it among the orders to dispatch and dispatches it from its row.
        dispatcher.login("dispatcher1").goTo("/workorders/dispatch");
        Page d = dispatcher.page();
        d.locator(".bench-search input").fill(tag);
        d.locator(".bench-search input").press("Enter");
        Locator toDispatch = d.locator(".to-dispatch .el-table__row", hasText(no));
        assertThat(toDispatch).hasCount(1);
        assertThat(toDispatch).containsText(title);
        toDispatch.locator(".row-dispatch").click();
        Locator dispatchDialog = dialog(d);
        assertThat(dispatchDialog.locator(".el-dialog__title")).hasText("派单 " + no);
        pickInTree(d, dispatchDialog.locator(".el-form-item", within("主办单位")), "供电", UNIT);
        dispatchDialog.locator(".el-form-item", within("交办意见")).locator("textarea").fill("涉及老人用氧安全，请尽快核实抢修");
        confirm(d);
        assertThat(d.locator(".to-dispatch .el-table__row", hasText(no))).hasCount(0);

        // 3. gdj1, on a phone, signs for it: it leaves 待签收 for 办理中; then replies: it leaves 办理中 for 已办结.
        try (BrowserSession phone = BrowserSession.open(port, 390, 844)) {
            try {
                unitSignsAndReplies(phone, tag, no);
            } catch (RuntimeException | AssertionError e) {
                phone.screenshot("failed-WorkOrderFlowBrowserTest-unit-phone");
                throw e;
            }
        }

        // 4. dispatcher1 finds the reply waiting for review and accepts it on the order's detail.
        dispatcher.goTo("/workorders/dispatch");
        d.locator(".el-tabs__item", hasText("答复审核")).click();
        d.locator(".bench-search input").fill(tag);
        d.locator(".bench-search input").press("Enter");
        Locator toReview = d.locator(".to-review .el-table__row", hasText(no));
        assertThat(toReview).hasCount(1);
        assertThat(toReview).containsText(UNIT);
        toReview.locator(".row-review").click();
        d.waitForURL("**/#/workorders/" + id);
        assertThat(d.locator(".detail .head .el-tag").first()).hasText("答复待审核");
        assertThat(d.locator(".el-card", hasText("承办单位")).locator(".el-table__row", within(UNIT))).containsText("已于今日恢复供电");
        d.locator(".actions .el-button--success", hasText("审核通过")).click();
        assertThat(dialog(d).locator(".el-dialog__title")).hasText("答复审核通过");
        dialog(d).locator("input").fill("答复完整，同意");
        confirm(d);
        assertThat(d.locator(".detail .head .el-tag").first()).hasText("待回访");

        // 5. callback1 calls the citizen back and records 已解决, 满意: the order closes.
        callback.login("callback1").goTo("/workorders/callback");
        Page c = callback.page();
        c.locator(".bench-search input").fill(tag);
        c.locator(".bench-search input").press("Enter");
        Locator toCallBack = c.locator(".to-call-back .el-table__row", hasText(no));
        assertThat(toCallBack).hasCount(1);
        assertThat(toCallBack).containsText("剩 "); // the 24-hour callback deadline, not the unit's
        toCallBack.locator(".row-callback").click();
        Locator callbackDialog = dialog(c);
        // the agent reads the citizen the unit's answer from the dialog itself
        assertThat(callbackDialog.locator(".action-info")).containsText(UNIT + "答复");
        assertThat(callbackDialog.locator(".action-info")).containsText("已于今日恢复供电");
        // nothing is preselected: a careless 确定 must not record a satisfied citizen
        assertThat(callbackDialog.locator(".el-radio.is-checked")).hasCount(0);
        assertThat(callbackDialog.locator(".field-satisfaction")).hasCount(0);
        callbackDialog.locator(".el-radio", within("已联系上")).click();
        callbackDialog.locator(".el-radio", within("已解决")).click();
        callbackDialog.locator(".el-radio", within(Pattern.compile("^\\s*满意\\s*$"))).click();
        callbackDialog.locator("textarea").fill("群众表示已恢复供电，对处理结果满意");
        confirm(c);
        assertThat(c.locator(".to-call-back .el-table__row", hasText(no))).hasCount(0);

        // 6. The order is closed: its detail shows 已办结 and a timeline with every step and who took it.
        callback.goTo("/workorders/" + id);
        assertThat(c.locator(".detail .head .el-tag").first()).hasText("已办结");
        assertThat(c.locator(".el-card", hasText("回访记录"))).containsText("已解决，满意");
        // the callback record names the person (display name), not the account; the unit's row says 已办结
        assertThat(c.locator(".el-card", hasText("回访记录"))).containsText("罗佳怡");
        assertThat(c.locator(".el-card", hasText("回访记录"))).not().containsText("callback1");
        assertThat(c.locator(".el-table__row", hasText(UNIT)).first()).containsText("已办结");
        Locator steps = c.locator(".step");
        assertThat(steps.last()).hasAttribute("data-action", "closed");
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) steps.evaluateAll("els => els.map(e => e.dataset.action)");
        assertThat(actions).containsExactly("created", "dispatched", "signed", "replied", "reply-accepted", "callback", "closed");
        List<List<String>> who = List.of(List.of("created", "agent2", "受理"), List.of("dispatched", "dispatcher1", "派单"),
                List.of("signed", "gdj1", "签收"), List.of("replied", "gdj1", "答复"),
                List.of("reply-accepted", "dispatcher1", "答复审核通过"), List.of("callback", "callback1", "回访"),
                List.of("closed", "callback1", "办结"));
        for (List<String> w : who) {
            Locator step = c.locator(".step[data-action=" + w.get(0) + "]");
            assertThat(step.locator(".step-account")).hasText("（" + w.get(1) + "）");
            assertThat(step.locator(".step-name")).hasText(w.get(2));
        }
        assertThat(c.locator(".step[data-action=dispatched]")).containsText(UNIT);
        c.waitForTimeout(300); // let the transitions settle for the picture
        callback.screenshot("woflow-closed-order-detail");
        c.locator(".el-card", hasText("流转记录")).screenshot(new Locator.ScreenshotOptions()
                .setPath(BrowserSession.SCREENSHOTS.resolve("woflow-closed-order-timeline.png")));

        // ... and so does the API, for any reader of the order.
        JsonNode order = ApiClient.loggedIn(port, "dispatcher1").get("/api/work-orders/" + id).json();
        assertThat(order.path("state").asString()).isEqualTo("CLOSED");
        assertThat(order.path("closedAt").isNull()).isFalse();
        assertThat(order.path("callbacks").get(0).path("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(order.path("assignments").get(0).path("unitName").asString()).isEqualTo(UNIT);
        assertThat(order.path("assignments").get(0).path("state").asString()).isNotIn("PENDING_SIGN", "HANDLING");
        List<String> actors = new java.util.ArrayList<>();
        order.path("timeline").forEach(t -> actors.add(t.path("actor").asString()));
        assertThat(actors).containsExactly("agent2", "dispatcher1", "gdj1", "gdj1", "dispatcher1", "callback1", "callback1");
    }

    /** The card's number is shown and its lines do not overlap (a 390-px card is all a unit handler sees). */
    private static void readable(Locator card) {
        assertThat(card.locator(".no")).isVisible();
        var title = card.locator(".title").boundingBox();
        var meta = card.locator(".meta").boundingBox();
        var actions = card.locator(".actions").boundingBox();
        assertThat(title.height).as("title line height").isGreaterThan(10);
        assertThat(meta.y).as("meta line below the title").isGreaterThanOrEqualTo(title.y + title.height - 1);
        assertThat(actions.y).as("buttons below the meta line").isGreaterThanOrEqualTo(meta.y + meta.height - 1);
        assertThat(title.x + title.width).as("title within the 390-px screen").isLessThanOrEqualTo(390);
    }

    private void unitSignsAndReplies(BrowserSession phone, String tag, String no) {
        phone.submitLogin("gdj1", ApiClient.DEMO_PASSWORD); // a phone has no side menu to wait for
        phone.page().waitForURL("**/#/home");
        phone.goTo("/workorders/unit");
        Page u = phone.page();
        Locator box = u.locator(".boxes");
        assertThat(box.locator(".is-selected")).hasText("待签收");
        u.locator(".box-search input").fill(tag);
        u.locator(".box-search input").press("Enter");
        Locator card = u.locator(".task[data-number='" + no + "']");
        assertThat(card).hasCount(1);
        assertThat(card.locator(".no")).hasText(no);
        assertThat(card.locator(".el-tag").first()).hasText("正常");
        readable(card);
        assertThat(card.locator(".due")).containsText(Pattern.compile("签收\\s+剩 "));
        assertThat(u.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        phone.screenshot("woflow-unit-phone-to-sign");

        card.locator(".task-sign").click();
        assertThat(card).hasCount(0);

        box.locator(".el-segmented__item", within("办理中")).click();
        assertThat(card).hasCount(1);
        assertThat(card.locator(".state")).hasText("办理中");
        readable(card);
        assertThat(card.locator(".due")).containsText(Pattern.compile("办理\\s+剩 "));
        assertThat(u.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        phone.screenshot("woflow-unit-phone-handling");
        card.locator(".task-reply").click();
        Locator replyDialog = dialog(u);
        replyDialog.locator(".el-form-item", within("答复内容")).locator("textarea")
                .fill("经现场排查为小区配电箱老化跳闸，已更换配电设备，已于今日恢复供电，并安排专人回访老人用电情况。");
        confirm(u);
        assertThat(card).hasCount(0);

        box.locator(".el-segmented__item", within("已办结")).click();
        assertThat(card).hasCount(1);
        assertThat(card.locator(".state")).hasText("已答复");

        // The card's number opens the detail, which fits the phone too: each unit is a card, not a wide table.
        card.locator(".no").click();
        assertThat(u.locator(".detail .head .no")).hasText(no);
        assertThat(u.locator(".detail .head .el-tag").first()).hasText("答复待审核");
        Locator unitCard = u.locator(".assignment-card", hasText(UNIT));
        assertThat(unitCard).hasCount(1);
        assertThat(unitCard.locator(".assignment-reply")).containsText("已于今日恢复供电");
        var box2 = unitCard.boundingBox();
        assertThat(box2.x + box2.width).as("unit card within the 390-px screen").isLessThanOrEqualTo(390);
        assertThat(u.locator(".step[data-action=replied]")).containsText("（gdj1）");
        assertThat(u.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        u.waitForTimeout(300); // let the tags' transitions settle for the picture
        phone.screenshot("woflow-unit-phone-detail");
    }
}
