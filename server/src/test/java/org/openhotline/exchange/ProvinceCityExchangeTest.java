package org.openhotline.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openhotline.HotlineApplication;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two OpenHotline installations over HTTP with signatures: the shared test platform is the city (江州, JZ), a second
 * one on its own embedded PostgreSQL and free port is the province (南江省, NJ). Orders go up and down, steps and
 * results come back, the province's deadlines bind the city's units, every city order is reported, the province
 * stopped and started again loses nothing, and the day's reconciliation shows no difference.
 */
@HotlineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceCityExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "jz-nj-shared-key-0123456789";

    @LocalServerPort
    int cityPort;

    @Autowired
    JdbcClient city;

    @Autowired
    java.time.Clock clock;

    Path provinceData;
    ConfigurableApplicationContext province;
    JdbcClient provinceDb;
    int provincePort;
    ApiClient sysadmin;

    @BeforeAll
    void startProvince() throws Exception {
        provinceData = Files.createTempDirectory(Path.of("target"), "province-");
        startProvinceInstance();
        sysadmin = ApiClient.loggedIn(cityPort, "sysadmin");
        connect(true);
    }

    private void startProvinceInstance() {
        province = new SpringApplicationBuilder(HotlineApplication.class).run(
                "--hotline.data-dir=" + provinceData, "--hotline.demo.password=" + ApiClient.DEMO_PASSWORD,
                "--hotline.demo.history=false", "--hotline.db.embedded-fsync=false", "--server.port=0",
                "--hotline.sip.enabled=false",
                "--hotline.security.login-throttle.exempt-addresses=127.0.0.1,::1",
                "--hotline.exchange.role=PROVINCE", "--hotline.exchange.self=NJ", "--hotline.exchange.self-name=南江省12345平台",
                "--hotline.exchange.counterparts[0].code=JZ", "--hotline.exchange.counterparts[0].name=江州市12345",
                "--hotline.exchange.counterparts[0].kind=CITY",
                "--hotline.exchange.counterparts[0].base-url=http://127.0.0.1:" + cityPort,
                "--hotline.exchange.counterparts[0].secret=" + SECRET);
        provincePort = ((WebServerApplicationContext) province).getWebServer().getPort();
        provinceDb = province.getBean(JdbcClient.class);
    }

    private void connect(boolean enabled) {
        var r = sysadmin.put("/api/exchange/counterparts/NJ", Map.of("name", "南江省12345平台", "kind", "PROVINCE",
                "baseUrl", "http://127.0.0.1:" + provincePort, "secret", SECRET, "algorithm", "HMAC-SHA256",
                "enabled", enabled));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    void stopProvince() {
        // The shared platform goes on for other tests: it reports to no province after this class.
        connect(false);
        if (province != null) {
            province.close();
        }
    }

    @Test
    void anOrderSentUpIsHandledByTheProvinceAndItsReplyComesBackForOurCallback() {
        var agent = ApiClient.loggedIn(cityPort, "agent1");
        var body = order("跨市高速公路收费站乱收费，本市无权处理");
        body.put("finish", Map.of("mode", "FORWARD", "platform", "PROVINCE", "note", "涉及省管高速"));
        var created = agent.post("/api/work-orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long ours = created.json().path("id").asLong();
        String key = "JZ:" + created.json().path("number").asString();

        long theirs = Wait.until("the province has the order", () -> link(provinceDb, "JZ", key), WAIT);
        assertThat(provinceDb.sql("select channel from work_order where id = ?").param(theirs).query(String.class).single())
                .isEqualTo("PLATFORM");
        Wait.until("our order shows the province's receipt", () -> timeline(city, ours).contains("exchange-receipt"), WAIT,
                () -> timeline(city, ours).toString());

        // The province handles it with its own units.
        handle(provincePort, provinceDb, theirs, "ZJJ", "zjj1", "省交通运输厅已责令收费站退还多收费用");
        Wait.until("the province's reply reaches us", () -> "PENDING_CALLBACK".equals(state(city, ours)), WAIT,
                () -> timeline(city, ours).toString());
        assertThat(city.sql("select direct_reply from work_order where id = ?").param(ours).query(String.class).single())
                .contains("退还多收费用");
        assertThat(timeline(city, ours)).contains("exchange-step");

        callback(cityPort, city, ours);
        Wait.until("our citizen's verdict closes the province's order", () -> "CLOSED".equals(state(provinceDb, theirs)), WAIT,
                () -> timeline(provinceDb, theirs).toString());
    }

    @Test
    void aProvincialOrderComesDownWithTheProvincesDeadlinesWhichBindOurUnits() {
        var provinceAgent = ApiClient.loggedIn(provincePort, "agent1");
        var body = order("省长信箱转办：江州市东湖区供水管网爆裂三天未修复");
        body.put("finish", Map.of("mode", "FORWARD", "platform", "OTHER_CITY", "note", "省交办件"));
        Instant before = Instant.now();
        var created = provinceAgent.post("/api/work-orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long theirs = created.json().path("id").asLong();
        String key = "NJ:" + created.json().path("number").asString();

        long ours = Wait.until("the city has the provincial order", () -> link(city, "NJ", key), WAIT);
        Instant signDue = city.sql("select sign_due_at from wo_external_deadline where work_order_id = ?").param(ours)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(signDue).isBetween(before.plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));

        var dispatcher = ApiClient.loggedIn(cityPort, "dispatcher1");
        long unit = city.sql("select id from org_node where code = 'SWJT'").query(Long.class).single();
        var d = dispatcher.post("/api/work-orders/" + ours + "/dispatch", StepVersions.withCurrentVersion(city,
                "/api/work-orders/" + ours + "/dispatch", Map.of("mainUnitId", unit)));
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        // The unit must sign within the province's 30 minutes, not the city's own 24 hours.
        Instant unitSignDue = city.sql("select sign_due_at from wo_assignment where work_order_id = ?").param(ours)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(unitSignDue).isEqualTo(signDue);

        handleAssigned(cityPort, city, ours, "swjt1", "已抢修完毕，恢复供水");
        assertThat(city.sql("select signed_at <= sign_due_at from wo_assignment where work_order_id = ?").param(ours)
                .query(Boolean.class).single()).isTrue();
        Wait.until("the province sees the city's signing", () -> timeline(provinceDb, theirs).contains("exchange-step"), WAIT);
        Wait.until("the city's reply reaches the province", () -> "PENDING_CALLBACK".equals(state(provinceDb, theirs)), WAIT,
                () -> timeline(provinceDb, theirs).toString());

        callback(provincePort, provinceDb, theirs);
        Wait.until("the province's verdict closes our order", () -> "CLOSED".equals(state(city, ours)), WAIT,
                () -> timeline(city, ours).toString());
    }

    @Test
    void aUnitsExtensionAndReturnOnAProvincialOrderAreDecidedByTheProvinceAndTheDecisionComesBack() {
        var provinceAgent = ApiClient.loggedIn(provincePort, "agent1");
        var body = order("省交办件：江州市东湖区某小区二次供水水质浑浊");
        body.put("finish", Map.of("mode", "FORWARD", "platform", "OTHER_CITY", "note", "省交办件"));
        var created = provinceAgent.post("/api/work-orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long theirs = created.json().path("id").asLong();
        String key = "NJ:" + created.json().path("number").asString();
        long ours = Wait.until("the city has the provincial order", () -> link(city, "NJ", key), WAIT);

        var dispatcher = ApiClient.loggedIn(cityPort, "dispatcher1");
        long unit = city.sql("select id from org_node where code = 'SWJT'").query(Long.class).single();
        ok(dispatcher, city, "/api/work-orders/" + ours + "/dispatch", Map.of("mainUnitId", unit));
        var handler = ApiClient.loggedIn(cityPort, "swjt1");
        long a = city.sql("select id from wo_assignment where work_order_id = ? and role = 'MAIN'").param(ours)
                .query(Long.class).single();
        ok(handler, city, "/api/work-orders/" + ours + "/assignments/" + a + "/sign", Map.of());
        Instant dueBefore = city.sql("select handle_due_at from wo_assignment where id = ?").param(a)
                .query(java.sql.Timestamp.class).single().toInstant();
        ok(handler, city, "/api/work-orders/" + ours + "/assignments/" + a + "/extension-request",
                Map.of("amount", 2, "unit", "WORKING_DAYS", "reason", "需更换整段供水管道，材料采购需时"));

        // The province decides: its dispatcher sees the city's request on the order it handed down.
        var provinceDispatcher = ApiClient.loggedIn(provincePort, "dispatcher1");
        JsonNode asked = Wait.until("the province has the extension request", () -> pending(provinceDispatcher, key), WAIT);
        assertThat(asked.path("kind").asString()).isEqualTo("EXTENSION");
        assertThat(asked.path("amount").asInt()).isEqualTo(2);
        assertThat(asked.path("unitName").asString()).isNotBlank();
        assertThat(timeline(provinceDb, theirs)).contains("exchange-request");
        assertThat(ApiClient.loggedIn(provincePort, "agent1").get("/api/exchange/requests?state=PENDING").status()).isEqualTo(403);
        var stale = provinceDispatcher.post("/api/exchange/requests/" + asked.path("id").asLong() + "/decision",
                Map.of("version", asked.path("version").asInt() + 1, "approve", true));
        assertThat(stale.status()).isEqualTo(409);
        var approved = provinceDispatcher.post("/api/exchange/requests/" + asked.path("id").asLong() + "/decision",
                Map.of("version", asked.path("version").asInt(), "approve", true, "note", "同意延期，请抓紧办理"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");

        Wait.until("the city's unit has its extension", () -> "APPROVED".equals(requestState(ours, "EXTENSION")), WAIT,
                () -> timeline(city, ours).toString());
        Instant dueAfter = city.sql("select handle_due_at from wo_assignment where id = ?").param(a)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(dueAfter).isAfter(dueBefore);
        assertThat(city.sql("select handle_due_at from wo_external_deadline where work_order_id = ?").param(ours)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(dueAfter);
        assertThat(timeline(city, ours)).contains("extension-approved");

        // A return the province refuses stays with the unit.
        ok(handler, city, "/api/work-orders/" + ours + "/assignments/" + a + "/return-request",
                Map.of("reason", "该小区二次供水设施属物业管理，非本单位职责"));
        JsonNode returnAsked = Wait.until("the province has the return request", () -> pending(provinceDispatcher, key), WAIT);
        assertThat(returnAsked.path("kind").asString()).isEqualTo("RETURN");
        var noReason = provinceDispatcher.post("/api/exchange/requests/" + returnAsked.path("id").asLong() + "/decision",
                Map.of("version", returnAsked.path("version").asInt(), "approve", false));
        assertThat(noReason.status()).isEqualTo(422);
        var rejected = provinceDispatcher.post("/api/exchange/requests/" + returnAsked.path("id").asLong() + "/decision",
                Map.of("version", returnAsked.path("version").asInt(), "approve", false, "note", "二次供水监管属供水企业职责"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        Wait.until("the city's unit hears the refusal", () -> "REJECTED".equals(requestState(ours, "RETURN")), WAIT,
                () -> timeline(city, ours).toString());
        assertThat(state(city, ours)).isEqualTo("HANDLING");
        assertThat(timeline(city, ours)).contains("return-rejected");
    }

    private static JsonNode pending(ApiClient dispatcher, String key) {
        for (JsonNode r : dispatcher.get("/api/exchange/requests?state=PENDING").json()) {
            if (r.path("orderKey").asString().equals(key)) {
                return r;
            }
        }
        return null;
    }

    private String requestState(long order, String kind) {
        return city.sql("select state from wo_request where work_order_id = ? and kind = ? order by id desc limit 1")
                .params(order, kind).query(String.class).optional().orElse(null);
    }

    @Test
    void everyCityOrderIsReportedAndTheProvinceDownLosesNothingAndTheDayReconciles() {
        var agent = ApiClient.loggedIn(cityPort, "agent1");
        var created = agent.post("/api/work-orders", order("人民路井盖缺失，存在安全隐患"));
        assertThat(created.status()).isEqualTo(201);
        String key = "JZ:" + created.json().path("number").asString();
        Wait.until("the province has the report", () -> reported(key) != null, WAIT);

        province.close();
        var whileDown = agent.post("/api/work-orders", order("省平台停机期间受理的工单"));
        assertThat(whileDown.status()).isEqualTo(201);
        String downKey = "JZ:" + whileDown.json().path("number").asString();
        Wait.until("the city notices the province is down", () -> city.sql(
                "select count(*) from ex_outbox where counterpart = 'NJ' and order_key = ? and state = 'PENDING' and attempts > 0")
                .param(downKey).query(Long.class).single() > 0, WAIT);

        startProvinceInstance();
        connect(true);
        Wait.until("the report made while down arrives", () -> reported(downKey) != null, WAIT);
        Wait.until("both queues are empty", () -> drained(city, "NJ") && drained(provinceDb, "JZ"), WAIT);

        // Other tests' orders are reported too while the province is registered (every city order is): a run may
        // meet one of them between its step and its delivery — a true difference of that moment. The pipe is
        // right when a run finds none; a lost or doubled message would show in every run.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        JsonNode latest = Wait.until("a reconciliation of today finds no difference", () -> {
            var run = sysadmin.post("/api/exchange/reconciliations", Map.of("counterpart", "NJ", "day", today.toString()));
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().path("error").isNull()).as(run.body()).isTrue();
            JsonNode last = sysadmin.get("/api/exchange/reconciliations?counterpart=NJ").json().get(0);
            return last.path("differenceCount").asInt() == 0 ? last : null;
        }, WAIT, () -> sysadmin.get("/api/exchange/reconciliations?counterpart=NJ").json().get(0).toString());
        assertThat(latest.path("ours").path("sent").path("count").asInt())
                .isEqualTo(latest.path("theirs").path("received").path("count").asInt()).isPositive();
    }

    @Test
    void anOrderFrom110IsReportedToTheProvinceWithItsNumberTitleAndSteps() throws Exception {
        // Before: a city skipped the 上报 of every order another platform handed it, so the province never heard of a
        // 110 matter or a 一体化 appeal and stored their later steps with no number or title.
        String code = "P" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String secret = "key-" + code + "-0123456789abcdef";
        var police = new CounterpartSimulator(code, secret, org.openhotline.exchange.internal.pipe.Signatures.Algorithm.HMAC_SHA256);
        Map<String, Object> form = new HashMap<>(Map.of("name", "江州市110联动平台", "kind", "POLICE_110",
                "baseUrl", police.baseUrl(), "secret", secret, "algorithm", "HMAC-SHA256", "enabled", true));
        assertThat(sysadmin.put("/api/exchange/counterparts/" + code, form).status()).isEqualTo(200);
        try {
            String remote = "JJ" + System.nanoTime();
            String theirKey = code + ":" + remote;
            var sent = police.send(cityPort, secret, java.util.List.of(police.message(theirKey, "order.transferred",
                    Map.of("number", remote, "title", "商铺占道经营堵塞消防通道 " + remote,
                            "content", "110接警后转12345：商铺长期占道经营，消防通道被堵 " + remote, "appealType", "COMPLAINT"))));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            long ours = Wait.until("the 110 matter becomes our order", () -> link(city, code, theirKey), WAIT);
            String number = city.sql("select number from work_order where id = ?").param(ours).query(String.class).single();
            String key = "JZ:" + number;

            JsonNode report = Wait.until("the province has the report", () -> reported(key), WAIT);
            assertThat(report.path("number").asString()).isEqualTo(number);
            assertThat(report.path("title").asString()).contains(remote);

            var dispatcher = ApiClient.loggedIn(cityPort, "dispatcher1");
            ok(dispatcher, city, "/api/work-orders/" + ours + "/dispatch",
                    Map.of("mainUnitId", city.sql("select id from org_node where code = 'SCJ'").query(Long.class).single()));
            JsonNode dispatched = Wait.until("the province sees the dispatch under the same key", () -> {
                JsonNode r = reported(key);
                return r != null && r.path("lastSeq").asLong() > report.path("lastSeq").asLong() ? r : null;
            }, WAIT);
            assertThat(dispatched.path("number").asString()).isEqualTo(number);
            assertThat(dispatched.path("state").asString()).isNotEqualTo(report.path("state").asString());
        } finally {
            form.put("enabled", false);
            form.remove("secret");
            sysadmin.put("/api/exchange/counterparts/" + code, form);
            police.close();
        }
    }

    private JsonNode reported(String key) {
        var sys = ApiClient.loggedIn(provincePort, "sysadmin");
        for (JsonNode r : sys.get("/api/exchange/reported-orders?counterpart=JZ").json()) {
            if (r.path("orderKey").asString().equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static boolean drained(JdbcClient db, String counterpart) {
        return db.sql("select count(*) from ex_outbox where counterpart = ? and state = 'PENDING'").param(counterpart)
                .query(Long.class).single() == 0
                && db.sql("select count(*) from ex_inbox where counterpart = ? and state = 'RECEIVED'").param(counterpart)
                .query(Long.class).single() == 0;
    }

    /** Dispatch to {@code unitCode}, sign, reply and accept the reply on one installation. */
    private static void handle(int port, JdbcClient db, long id, String unitCode, String handler, String reply) {
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long unit = db.sql("select id from org_node where code = ?").param(unitCode).query(Long.class).single();
        ok(dispatcher, db, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit));
        handleAssigned(port, db, id, handler, reply);
    }

    private static void handleAssigned(int port, JdbcClient db, long id, String handler, String reply) {
        var unit = ApiClient.loggedIn(port, handler);
        long a = db.sql("select id from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(Long.class).single();
        ok(unit, db, "/api/work-orders/" + id + "/assignments/" + a + "/sign", Map.of());
        ok(unit, db, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", reply));
        ok(ApiClient.loggedIn(port, "dispatcher1"), db, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
    }

    private static void callback(int port, JdbcClient db, long id) {
        ok(ApiClient.loggedIn(port, "callback1"), db, "/api/work-orders/" + id + "/callback",
                Map.of("resolved", true, "satisfaction", "SATISFIED"));
    }

    private static void ok(ApiClient client, JdbcClient db, String path, Map<String, Object> body) {
        var r = client.post(path, StepVersions.withCurrentVersion(db, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private static Long link(JdbcClient db, String counterpart, String key) {
        return db.sql("select work_order_id from ex_link where counterpart = ? and order_key = ?").params(counterpart, key)
                .query(Long.class).optional().orElse(null);
    }

    private static String state(JdbcClient db, long id) {
        return db.sql("select state from work_order where id = ?").param(id).query(String.class).single();
    }

    private static java.util.List<String> timeline(JdbcClient db, long id) {
        return db.sql("select action from wo_timeline where work_order_id = ? order by id").param(id).query(String.class).list();
    }

    private static Map<String, Object> order(String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "COMPLAINT");
        body.put("content", content);
        body.put("callerName", "赵女士");
        body.put("callerPhone", "138" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        return body;
    }
}
