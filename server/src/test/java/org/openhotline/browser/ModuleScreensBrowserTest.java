package org.openhotline.browser;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work-order, knowledge and call-center workbenches open in a real browser for the role that uses them,
 * inside the main layout, with demo data on them. Screenshots land in target/screenshots.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ModuleScreensBrowserTest {

    @LocalServerPort
    int port;

    record Screen(String path, String title, String text) {}

    private void check(BrowserSession browser, String user, List<Screen> screens) {
        browser.login(user);
        for (Screen s : screens) {
            browser.goTo(s.path());
            browser.expectText(".page-title", s.title());
            browser.expectText("#app", s.text());
            browser.page().waitForTimeout(300);
            browser.screenshot("module-" + user + s.path().replace('/', '-'));
        }
    }

    @Test
    void anAgentsWorkbenches(BrowserSession browser) {
        check(browser, "agent2", List.of(
                new Screen("/workorders/intake", "工单受理", "诉求类型"),
                new Screen("/knowledge", "知识门户", "公积金"),
                new Screen("/callcenter/desk", "坐席工作台", "今日")));
    }

    @Test
    void aDispatchersAndAUnitsWorkbenches(BrowserSession browser) {
        check(browser, "dispatcher1", List.of(new Screen("/workorders/dispatch", "派单工作台", "待派单")));
        browser.logout();
        check(browser, "zjj1", List.of(new Screen("/workorders/unit", "承办工作台", "待签收")));
    }

    @Test
    void theKnowledgeEditorsScreens(BrowserSession browser) {
        check(browser, "kbeditor1", List.of(
                new Screen("/knowledge/review", "知识审核", "审核"),
                new Screen("/knowledge/admin/synonyms", "同义词管理", "社保")));
    }
}
