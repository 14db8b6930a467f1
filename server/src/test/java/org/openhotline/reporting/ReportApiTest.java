package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad report requests are answered with a 4xx problem in Chinese, never a 500; roles without reports are refused. */
@HotlineTest
class ReportApiTest {

    @LocalServerPort
    int port;

    @Test
    void badParametersGetAChineseProblem() {
        var manager = ApiClient.loggedIn(port, "manager");
        expect(manager.get("/api/reports/kpis?from=2026-03-10&to=2026-03-01"), 400, "结束日期不能早于开始日期");
        expect(manager.get("/api/reports/kpis?from=2020-01-01&to=2026-01-01"), 400, "不能超过三年");
        expect(manager.get("/api/reports/kpis?from=2026-13-01"), 400, "格式应为");
        expect(manager.get("/api/reports/kpis?groupBy=hour"), 400, "不支持按“hour”分组");
        expect(manager.get("/api/reports/kpis?org=999999999"), 404, "机构不存在");
        expect(manager.get("/api/reports/kpis?org=abc"), 400, null);
        expect(manager.get("/api/reports/kpis/no-such-kpi/records"), 404, "没有编码为“no-such-kpi”的指标");
        expect(manager.get("/api/reports/kpis?codes=answer-rate,nope"), 404, "nope");
        expect(manager.get("/api/reports/kpis/answer-rate/records?part=all"), 400, "numerator");
        expect(manager.get("/api/reports/kpis/dispatch-accuracy/records?groupBy=agent&group=1"), 400, "不能按坐席分组");
    }

    @Test
    void everyKpiOfTheIssueIsListedWithItsTargetAndRolesWithoutReportsAreRefused() {
        var report = ApiClient.loggedIn(port, "leader").get("/api/reports/kpis");
        assertThat(report.status()).isEqualTo(200);
        for (String code : new String[] {"answer-rate", "answer-rate-20s", "abandon-rate", "avg-wait", "avg-talk",
                "avg-acw", "occupancy", "survey-participation", "agent-satisfaction", "direct-reply-rate",
                "first-contact-resolution", "dispatch-timeliness", "dispatch-accuracy", "return-rate", "sign-timeliness",
                "completion-on-time", "callback-rate", "callback-24h-rate", "satisfaction", "online-response-rate",
                "extension-rate", "reopen-rate", "qc-coverage", "staff-turnover"}) {
            assertThat(report.body()).as(code).contains("\"code\":\"" + code + "\"");
        }
        assertThat(ReportingFixture.kpi(report.json(), "qc-coverage").path("numerator").asLong()).isZero();
        assertThat(ReportingFixture.kpi(report.json(), "answer-rate").path("target").asInt()).isEqualTo(95);
        expect(ApiClient.loggedIn(port, "dispatcher1").get("/api/reports/kpis"), 403, null);
        expect(ApiClient.loggedIn(port, "kbeditor1").get("/api/reports/kpis/answer-rate/records"), 403, null);
    }

    private static void expect(ApiClient.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (detail != null) {
            assertThat(r.detail()).contains(detail);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("java.");
    }
}
