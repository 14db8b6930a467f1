package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 平台代拨 (issue 20 item 12) with real SIP: the handling unit's handler (zjj1) asks the platform to call the citizen
 * of an order; the platform rings the handler's phone (extension 8286, 1000 Hz), then the citizen (1300 Hz), and
 * bridges them. The test's trunk has no outbound carrier, so the citizen's phone is reached as a registered
 * extension carrying the order's caller number. No answer to the handler carries the full number; the call is
 * audited; the admin's setting, the unit and the order's state gate it. Settings are put back as found.
 */
@HotlineTest
@Timeout(120)
class UnitClickToCallTest {

    static final double HANDLER = 1000, CITIZEN = 1300;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    OrderFixture f;
    ApiClient manager;
    ApiClient zjj;
    Map<String, String> settingsBefore = new HashMap<>();

    static String citizenNumber;

    @BeforeEach
    void setUp() {
        f = new OrderFixture(port, jdbc);
        manager = ApiClient.loggedIn(port, "manager");
        zjj = ApiClient.loggedIn(port, "zjj1");
        jdbc.sql("select key, value from wo_setting").query(rs -> {
            settingsBefore.put(rs.getString(1), rs.getString(2));
        });
        if (citizenNumber == null) {
            citizenNumber = OrderFixture.phone();
            standInPhone("c2cciti", "T986", citizenNumber);
            standInPhone("c2chand", "T987", "8286");
        }
    }

    @AfterEach
    void restoreSettings() {
        jdbc.sql("delete from wo_setting where key = 'unit.phone-access'").update();
        settingsBefore.forEach((k, v) -> jdbc.sql("""
                insert into wo_setting (key, value, updated_by, updated_at) values (?, ?, 'test', now())
                on conflict (key) do update set value = excluded.value""").params(k, v).update());
    }

    /** An extension that a test phone registers as (SIP password = demo password), on an account of its own. */
    private void standInPhone(String username, String agentNo, String extension) {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        var account = sysadmin.post("/api/accounts", Map.of("username", username, "displayName", "代拨测试" + agentNo,
                "orgNodeId", city, "password", ApiClient.DEMO_PASSWORD)).json();
        var r = manager.put("/api/callcenter/admin/agents/" + account.path("id").asLong(), Map.of("agentNo", agentNo,
                "extension", extension, "sipPassword", ApiClient.DEMO_PASSWORD, "skills", Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void access(String unitPhoneAccess) {
        var r = manager.put("/api/work-orders/settings", Map.of("callbackMaxAttempts", 3, "callbackWhenExhausted", "CLOSE",
                "unitPhoneAccess", unitPhoneAccess));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("unitPhoneAccess").asString()).isEqualTo(unitPhoneAccess);
    }

    private long orderOfZjj() {
        var body = f.order("楼道灯坏了很久没人修");
        body.put("callerPhone", citizenNumber);
        long id = f.create(ApiClient.loggedIn(port, "agent3"), body).path("id").asLong();
        f.dispatch(ApiClient.loggedIn(port, "dispatcher1"), id, "ZJJ");
        return id;
    }

    @Test
    void theHandlersPhoneIsBridgedToTheCitizenAndNoAnswerShowsTheNumber() throws Exception {
        access("CALL");
        long id = orderOfZjj();
        var detail = zjj.get("/api/work-orders/" + id);
        assertThat(detail.json().path("mayUnitCall").asBoolean()).isTrue();
        assertThat(detail.json().path("mayUnitUnmask").asBoolean()).as("the admin chose calls, not unmasking").isFalse();
        assertThat(detail.body()).doesNotContain(citizenNumber);

        try (TestPhone handler = new TestPhone("8286", HANDLER, sipPort);
             TestPhone citizen = new TestPhone(citizenNumber, CITIZEN, sipPort)) {
            handler.register(ApiClient.DEMO_PASSWORD);
            citizen.register(ApiClient.DEMO_PASSWORD);

            var started = zjj.post("/api/callcenter/unit-calls", Map.of("workOrderId", id, "phone", "8286"));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            assertThat(started.body()).doesNotContain(citizenNumber);
            assertThat(started.json().path("citizen").asString()).contains("*");
            String callId = started.json().path("id").asString();

            until("the handler and the citizen are bridged", () -> "TALKING".equals(
                    zjj.get("/api/callcenter/unit-calls/" + callId).json().path("state").asString()),
                    Duration.ofSeconds(20), () -> zjj.get("/api/callcenter/unit-calls/" + callId).body());
            Wait.overWindows("both hear each other", Duration.ofMillis(500), () -> {
                handler.audio.forget();
                citizen.audio.forget();
            }, () -> handler.audio.level(CITIZEN) > 1000 && citizen.audio.level(HANDLER) > 1000, Duration.ofSeconds(15),
                    () -> "handler hears citizen " + Math.round(handler.audio.level(CITIZEN)) + ", citizen hears handler "
                            + Math.round(citizen.audio.level(HANDLER)));
            var progress = zjj.get("/api/callcenter/unit-calls/" + callId);
            assertThat(progress.body()).doesNotContain(citizenNumber);
            assertThat(citizen.lastInvite).as("the citizen sees the hotline, not the handler's extension")
                    .doesNotContain("From: <sip:8286@").doesNotContain("From: \"8286\"");
            assertThat(ApiClient.loggedIn(port, "cgj1").get("/api/callcenter/unit-calls/" + callId).status())
                    .as("another handler learns nothing of it").isEqualTo(404);

            // the handler ends it on the order screen (test phones only hang up calls they dialled themselves)
            var ended = zjj.post("/api/callcenter/unit-calls/" + callId + "/hangup", Map.of());
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            assertThat(citizen.awaitBye(10_000)).as("the citizen's phone is released").isTrue();
            assertThat(handler.awaitBye(10_000)).as("the handler's phone is released").isTrue();
            until("the call is over", () -> "ENDED".equals(zjj.get("/api/callcenter/unit-calls/" + callId).json()
                    .path("state").asString()), Duration.ofSeconds(10), () -> zjj.get("/api/callcenter/unit-calls/" + callId).body());
        }
        String number = f.detail(ApiClient.loggedIn(port, "dispatcher1"), id).path("number").asString();
        List<String> audit = jdbc.sql("select actor || ' ' || coalesce(details::text, '') from audit_event where action = ? and target = ?")
                .params("callcenter.unit-click-to-call", "work-order:" + number).query(String.class).list();
        assertThat(audit).singleElement().asString().startsWith("zjj1").contains("8286");
    }

    @Test
    void onlyWhenTheAdminChoseItOnlyTheHandlingUnitAndOnlyWithAPhoneNumber() {
        long id = orderOfZjj();
        access("UNMASK");
        assertThat(zjj.get("/api/work-orders/" + id).json().path("mayUnitCall").asBoolean()).isFalse();
        var off = zjj.post("/api/callcenter/unit-calls", Map.of("workOrderId", id, "phone", "8286"));
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.detail()).contains("未开启");

        access("CALL");
        var other = ApiClient.loggedIn(port, "cgj1").post("/api/callcenter/unit-calls", Map.of("workOrderId", id, "phone", "8286"));
        assertThat(other.status()).as("another unit's order").isIn(403, 404);
        var bad = zjj.post("/api/callcenter/unit-calls", Map.of("workOrderId", id, "phone", "8286; drop"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("数字");
        assertThat(ApiClient.loggedIn(port, "agent3").post("/api/callcenter/unit-calls", Map.of("workOrderId", id, "phone", "8286"))
                .status()).as("not a handling unit").isEqualTo(403);
        assertThat(audit(id)).as("nothing refused is audited as a call").isZero();
    }

    private long audit(long id) {
        String number = f.detail(ApiClient.loggedIn(port, "dispatcher1"), id).path("number").asString();
        return jdbc.sql("select count(*) from audit_event where action = 'callcenter.unit-click-to-call' and target = ?")
                .param("work-order:" + number).query(Long.class).single();
    }
}
