package org.openhotline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.channels.PortalSmsCodeRequested;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS end to end through the CMPP simulator: receipts, the reply notice and the SMS callback survey whose answer
 * is recorded as the order's callback, incoming messages that become appeals and supplements, opt-out,
 * verification codes from the portal's event, retries after a refusal, and the template rules.
 */
@HotlineTest
class SmsNotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    final SmscSimulator smsc = SmscSimulator.shared();
    ApiClient agent;

    @BeforeEach
    void logIn() {
        agent = ApiClient.loggedIn(port, "agent3");
    }

    static String phone() {
        return "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    long create(String channel, String phone, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("appealType", "COMPLAINT");
        body.put("content", content);
        body.put("callerName", "李先生");
        body.put("callerPhone", phone);
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    String number(long id) {
        return jdbc.sql("select number from work_order where id = ?").param(id).query(String.class).single();
    }

    String state(long id) {
        return jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single();
    }

    void ok(ApiClient client, String path, Object body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    String textTo(String phone, String containing) {
        return Wait.until("an SMS to " + phone + " with " + containing, () -> smsc.receivedBy(phone).stream()
                .map(SmscSimulator.Received::text).filter(t -> t.contains(containing)).findFirst().orElse(null), WAIT,
                () -> smsc.receivedBy(phone).toString());
    }

    @Test
    void aWebAppealGetsAReceiptThatIsDeliveredAndAPhoneCallGetsNone() {
        String web = phone();
        String caller = phone();
        long id = create("WEB", web, "小区门口的下水道堵了");
        long call = create("PHONE", caller, "小区门口的路灯不亮");

        String text = textTo(web, number(id));

        assertThat(text).startsWith("【12345热线】").contains("已受理").contains("/portal/query?number=" + number(id));
        Wait.until("the delivery report stored", (java.util.function.BooleanSupplier) () -> "DELIVERED".equals(jdbc.sql(
                "select state from ntf_outbox where dedup_key = ?").param("receipt:" + id).query(String.class).single()), WAIT, () -> "");
        assertThat(jdbc.sql("select count(*) from ntf_outbox where work_order_id = ?").param(call).query(Long.class).single())
                .isZero();
    }

    @Test
    void theSmsSurveyAnswerIsRecordedAsTheOrdersCallbackAndClosesIt() {
        String citizen = phone();
        long id = create("PHONE", citizen, "小区垃圾三天没人清运");
        ApiClient dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        ApiClient zjj = ApiClient.loggedIn(port, "zjj1");
        long unit = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", new HashMap<>(Map.of("mainUnitId", unit,
                "assistingUnitIds", java.util.List.of(), "instruction", "请办理")));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ? and unit_id = ?").params(id, unit)
                .query(Long.class).single();
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", new HashMap<>(Map.of("text", "已安排清运")));
        ok(dispatcher, "/api/work-orders/" + id + "/reply-review", new HashMap<>(Map.of("accept", true)));

        textTo(citizen, "已有办理答复");
        textTo(citizen, "回复1满意");
        sendFrom(citizen, "2");

        Wait.until("the order closed by the SMS callback", (java.util.function.BooleanSupplier) () -> "CLOSED".equals(state(id)), WAIT, () -> state(id));
        var timeline = jdbc.sql("select action || ' ' || coalesce(note, '') from wo_timeline where work_order_id = ? order by id")
                .param(id).query(String.class).list();
        assertThat(jdbc.sql("select satisfaction, resolved, by_user from wo_callback where work_order_id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getString(3)).list())
                .as(timeline.toString()).containsExactly("BASICALLY_SATISFIED:true:sms-survey");
        textTo(citizen, "感谢您对工单" + number(id));
    }

    @Test
    void aYellowLightOnAUnitsAssignmentRemindsItsHandlersBySms() {
        String handler = phone();
        String before = jdbc.sql("select phone from account where username = 'zjj1'").query(String.class).optional().orElse(null);
        jdbc.sql("update account set phone = ? where username = 'zjj1'").param(handler).update();
        try {
            long id = create("PHONE", phone(), "路面塌陷需要修补");
            long unit = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
            ok(ApiClient.loggedIn(port, "dispatcher1"), "/api/work-orders/" + id + "/dispatch", new HashMap<>(Map.of(
                    "mainUnitId", unit, "assistingUnitIds", java.util.List.of(), "instruction", "请办理")));
            long a = jdbc.sql("select id from wo_assignment where work_order_id = ? and unit_id = ?").params(id, unit)
                    .query(Long.class).single();

            events(new org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged(id, a, "SIGN", "YELLOW",
                    java.time.Instant.now()));

            assertThat(textTo(handler, number(id))).contains("签收即将到期");
        } finally {
            jdbc.sql("update account set phone = ? where username = 'zjj1'").param(before).update();
        }
    }

    @Test
    void aMessageFromAnUnknownNumberBecomesAnSmsAppealAndTheNextOneASupplement() {
        String citizen = phone();
        sendFrom(citizen, "人民路菜市场门口占道经营严重，早上七点到九点车辆无法通行，请管一管。");

        long id = Wait.until("an SMS appeal", () -> jdbc.sql(
                "select id from work_order where caller_phone_index = ? and channel = 'SMS'").param(org.openhotline.shared.crypto.PersonalData.phoneIndex(citizen)).query(Long.class)
                .optional().orElse(null), WAIT);
        textTo(citizen, number(id)); // the receipt
        sendFrom(citizen, "补充：周末更严重");

        Wait.until("the supplement", (java.util.function.BooleanSupplier) () -> jdbc.sql("select content from work_order where id = ?").param(id)
                .query(String.class).single().contains("周末更严重"), WAIT, () -> "");
        textTo(citizen, "补充内容已加入工单" + number(id));
        assertThat(jdbc.sql("select count(*) from work_order where caller_phone_index = ?").param(org.openhotline.shared.crypto.PersonalData.phoneIndex(citizen)).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void tdOptsOutOfNotificationsButRequestedCodesStillGo() {
        String citizen = phone();
        sendFrom(citizen, "TD");
        Wait.until("on the opt-out list", (java.util.function.BooleanSupplier) () -> jdbc.sql("select count(*) from ntf_opt_out where phone_index = ?")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex(citizen)).query(Long.class).single() == 1, WAIT, () -> "");

        long id = create("WEB", citizen, "退订后的诉求");
        events(PortalSmsCodeRequested.of("req-" + citizen, citizen, "482913", "FOLLOW_ORDER", java.time.Instant.now()));

        textTo(citizen, "482913");
        Wait.until("the receipt held back", (java.util.function.BooleanSupplier) () -> "OPTED_OUT".equals(jdbc.sql(
                "select state from ntf_outbox where dedup_key = ?").param("receipt:" + id).query(String.class)
                .optional().orElse(null)), WAIT, () -> "");
        assertThat(smsc.receivedBy(citizen)).noneMatch(r -> r.text().contains(number(id)));
    }

    @Test
    void aRefusedSubmitIsRetriedUntilItIsDelivered() {
        String citizen = phone();
        smsc.refuseNextTo(citizen, 1);
        events(PortalSmsCodeRequested.of("retry-" + citizen, citizen, "111222", "QUERY", java.time.Instant.now()));

        textTo(citizen, "111222");
        Wait.until("delivered on the second attempt", (java.util.function.BooleanSupplier) () -> "DELIVERED:2".equals(jdbc.sql(
                "select state || ':' || attempts from ntf_outbox where dedup_key = ?").param("code:retry-" + citizen)
                .query(String.class).single()), WAIT, () -> "");
    }

    @Test
    void templatesRefuseUnknownVariablesAndStaleEdits() {
        ApiClient manager = ApiClient.loggedIn(port, "manager");
        var list = manager.get("/api/notification/sms/templates");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        int version = jdbc.sql("select version from ntf_template where code = 'SURVEY_THANKS'").query(Integer.class).single();
        String before = jdbc.sql("select body from ntf_template where code = 'SURVEY_THANKS'").query(String.class).single();

        var unknown = manager.put("/api/notification/sms/templates/SURVEY_THANKS",
                Map.of("body", "谢谢${name}", "enabled", true, "version", version));
        var stale = manager.put("/api/notification/sms/templates/SURVEY_THANKS",
                Map.of("body", before, "enabled", true, "version", version + 5));
        var saved = manager.put("/api/notification/sms/templates/SURVEY_THANKS",
                Map.of("body", before, "enabled", true, "version", version));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("detail").asString()).contains("${name}").contains("${number}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(agent.get("/api/notification/sms/templates").status()).isEqualTo(403);
    }

    void sendFrom(String phone, String text) {
        try {
            smsc.mobileOriginated(phone, "12345", text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    void events(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }
}
