package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The citizen portal's public API, end to end against the running platform. */
@HotlineTest
class PortalApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    TestClock clock;

    PortalClient citizen;
    PortalClient.SmsOutbox sms = new PortalClient.SmsOutbox();

    @BeforeEach
    void setUp() {
        // each test comes from a loopback address of its own: the per-address limits count each test apart
        citizen = new PortalClient(ApiClient.fromOwnAddress(port), jdbc);
        sms.register(multicaster);
    }

    @AfterEach
    void tearDown() {
        sms.unregister(multicaster);
        clock.reset();
    }

    @Test
    void aCitizenSubmitsWithAPhotoAndAConfirmedPhoneThenFollowsTheOrderByCodeAndByPhone() {
        String phone = PortalClient.phone();
        String token = confirmedPhone(phone, "FOLLOW_ORDER");
        long region = jdbc.sql("select id from org_node where kind = 'STREET' order by id limit 1").query(Long.class).single();
        long category = jdbc.sql("select id from wo_category where name = '施工噪音'").query(Long.class).single();
        var appeal = citizen.appeal("小区旁边工地每天夜里十一点后还在施工，噪音很大影响休息",
                Map.of("phone", phone, "follow", true, "regionId", region, "categoryId", category));
        var r = citizen.submit(appeal, token, List.<Object[]>of(new Object[] {"工地.png", PortalClient.PNG}));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().path("number").asString();
        String code = r.json().path("queryCode").asString();
        assertThat(code).hasSize(8);
        assertThat(r.json().path("phoneConfirmed").asBoolean()).isTrue();

        var order = jdbc.sql("select id, channel, caller_phone, region_id, owner_path, created_by from work_order where number = ?")
                .param(number).query().singleRow();
        assertThat(order.get("channel")).isEqualTo("WEB");
        assertThat(org.openhotline.shared.crypto.PersonalData.open((String) order.get("caller_phone"))).isEqualTo(phone);
        assertThat(order.get("region_id")).isEqualTo(region);
        assertThat(order.get("created_by")).isEqualTo("channel-web");
        long id = ((Number) order.get("id")).longValue();
        assertThat(jdbc.sql("select name from wo_attachment where work_order_id = ?").param(id).query(String.class).list())
                .containsExactly("工地.png");
        // the query code is kept as a hash only
        assertThat(jdbc.sql("select query_code_hash from ch_receipt where work_order_id = ?").param(id)
                .query(String.class).single()).doesNotContain(code).hasSize(64);
        // the citizen's IP address is sealed on the receipt, and the rate-limit counters name neither it nor the number
        String address = jdbc.sql("select client_address from ch_receipt where work_order_id = ?").param(id)
                .query(String.class).single();
        assertThat(address).startsWith("ENC1.");
        assertThat(org.openhotline.shared.crypto.PersonalData.open(address)).startsWith("127.");
        assertThat(jdbc.sql("select count(*) from ch_rate_hit where bucket like ? or bucket like ?")
                .params("%" + phone + "%", "%" + org.openhotline.shared.crypto.PersonalData.open(address) + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ch_rate_hit where bucket like 'submit-phone:#%'").query(Long.class).single())
                .as("the per-number limit still counts").isPositive();

        var progress = citizen.http.get("/api/portal/orders/" + number + "?code=" + code);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().path("stateLabel").asString()).isEqualTo("待派单");
        assertThat(progress.json().path("steps").get(0).path("label").asString()).isEqualTo("诉求已受理");
        assertThat(progress.body()).doesNotContain("channel-web").doesNotContain(phone);

        var wrong = citizen.http.get("/api/portal/orders/" + number + "?code=AAAAAAAA");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.detail()).isEqualTo("工单编号或查询码不正确");

        var mine = citizen.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(citizen.http.baseUrl() + "/api/portal/orders")).header("X-Phone-Token", token).GET());
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get(0).path("number").asString()).isEqualTo(number);
        var forged = citizen.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(citizen.http.baseUrl() + "/api/portal/orders")).header("X-Phone-Token", "forged").GET());
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyAnswersTheFirstReceipt() {
        String content = "小区门口的井盖松动，车辆经过响声很大 " + System.nanoTime();
        var appeal = citizen.appeal(content, Map.of());
        String key = java.util.UUID.randomUUID().toString();
        var first = citizen.submit(appeal, null, List.of(), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // the retry repeats the same body, captcha already spent by the first submit
        var retry = citizen.submit(appeal, null, List.of(), key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("number").asString()).isEqualTo(first.json().path("number").asString());
        assertThat(retry.json().path("queryCode").asString()).isEqualTo(first.json().path("queryCode").asString());
        assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from work_order where content = ?").param(content).query(Long.class).single())
                .isEqualTo(1);
        // the same key does not open someone else's receipt: another key is another submit (and needs a captcha)
        var other = citizen.submit(appeal, null, List.of(), java.util.UUID.randomUUID().toString());
        assertThat(other.status()).isEqualTo(400);
        var progress = citizen.http.get("/api/portal/orders/" + first.json().path("number").asString() + "?code="
                + retry.json().path("queryCode").asString());
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
    }

    @Test
    void theCaptchaIsSingleUseAndBadInputIsRefusedInChineseStoringNothing() {
        String content = "路灯坏了很久没有人修理，晚上出行很不方便 " + System.nanoTime();
        var appeal = citizen.appeal(content, Map.of());
        var wrongAnswer = new java.util.HashMap<>(appeal);
        wrongAnswer.put("captchaAnswer", ((Integer) appeal.get("captchaAnswer")) + 1);
        var r = citizen.submit(wrongAnswer, null, List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).isEqualTo("图形验证码计算结果不正确，请刷新后重新输入");
        // the right answer does not help once the captcha was tried
        r = citizen.submit(appeal, null, List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("图形验证码已失效");

        r = citizen.submit(citizen.appeal("太短了", Map.of()), null, List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("诉求内容请填写 10–2000 个字");

        r = citizen.submit(citizen.appeal(content, Map.of("name", "")), null, List.of());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.detail()).isEqualTo("请填写姓名，或选择匿名反映");

        // a "photo" whose bytes are no PNG: refused, and the order made before it is rolled back
        r = citizen.submit(citizen.appeal(content, Map.of()), null,
                List.<Object[]>of(new Object[] {"照片.png", "not a png".getBytes(StandardCharsets.UTF_8)}));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.detail()).contains("文件内容与扩展名不符");
        r = citizen.submit(citizen.appeal(content, Map.of("follow", true)), null, List.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.detail()).isEqualTo("请先通过短信验证码验证手机号");
        assertThat(jdbc.sql("select count(*) from work_order where content = ?").param(content).query(Long.class).single())
                .isZero();

        // anonymous: no name, no phone needed
        r = citizen.submit(citizen.appeal(content, Map.of("anonymous", true, "name", "", "phone", "")), null, List.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(jdbc.sql("select anonymous from work_order where number = ?").param(r.json().path("number").asString())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void submissionsAreLimitedPerAddressAndSmsCodesPerPhone() {
        var fromOne = new PortalClient(ApiClient.fromOwnAddress(port), jdbc);
        ApiClient.Response last = null;
        for (int i = 0; i <= 30; i++) {
            // no captcha: each try is refused, but counts
            last = fromOne.submit(Map.of("content", "同一地址反复提交的诉求内容"), null, List.of());
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.detail()).isEqualTo("提交过于频繁，请稍后再试");
        // another address is not affected
        assertThat(citizen.submit(Map.of("content", "另一个地址提交的诉求内容"), null, List.of()).status()).isEqualTo(400);

        String phone = PortalClient.phone();
        for (int i = 0; i < 5; i++) {
            Object[] c = citizen.captcha();
            var r = citizen.http.post("/api/portal/sms-codes", Map.of("phone", phone, "purpose", "QUERY",
                    "captchaId", c[0].toString(), "captchaAnswer", c[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Object[] c = citizen.captcha();
        var r = citizen.http.post("/api/portal/sms-codes", Map.of("phone", phone, "purpose", "QUERY",
                "captchaId", c[0].toString(), "captchaAnswer", c[1]));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.detail()).isEqualTo("该手机号获取验证码过于频繁，请稍后再试");
        assertThat(sms.sent.stream().filter(s -> s.phone().equals(phone)).count()).isEqualTo(5);
        // the code is stored as a hash only
        String code = sms.last(phone).code();
        assertThat(jdbc.sql("select code_hash from ch_phone_code where phone_index = ?")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex(phone)).query(String.class).list())
                .hasSize(5).noneMatch(h -> h.contains(code));
        // the number is sealed at rest (ADR 041), found by its blind index
        assertThat(jdbc.sql("select count(*) from ch_phone_code where phone = ?").param(phone).query(Long.class).single())
                .isZero();
    }

    @Test
    void theCitizenRatesTheReplyAsACallbackAndAsksToReopenAClosedOrderWithinTheDaysAllowed() {
        var unhappy = submittedAndReplied("小区门口的下水道堵塞，污水横流，已经三天了");
        // the public view shows the unit's reply and its name, never who handled it
        var progress = citizen.http.get("/api/portal/orders/" + unhappy[0] + "?code=" + unhappy[1]).json();
        assertThat(progress.path("reply").asString()).isEqualTo("已安排疏通并清理现场");
        assertThat(progress.path("replyUnit").asString()).isEqualTo("江州市住房和城乡建设局");
        assertThat(progress.path("canRate").asBoolean()).isTrue();
        assertThat(progress.toString()).doesNotContain("zjj1").doesNotContain("dispatcher1").doesNotContain("请按职责办理");

        var rated = rate(unhappy, "VERY_DISSATISFIED");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        long id = orderId(unhappy[0]);
        // recorded like a phone callback: dissatisfied → back to the unit
        assertThat(state(id)).isEqualTo("HANDLING");
        assertThat(jdbc.sql("select satisfaction from wo_callback where work_order_id = ?").param(id).query(String.class).single())
                .isEqualTo("DISSATISFIED");
        assertThat(jdbc.sql("select grade from ch_rating where work_order_id = ?").param(id).query(String.class).single())
                .isEqualTo("VERY_DISSATISFIED");
        assertThat(rate(unhappy, "SATISFIED").status()).isEqualTo(409);

        var happy = submittedAndReplied("公园里的健身器材损坏，存在安全隐患");
        assertThat(rate(happy, "VERY_SATISFIED").status()).isEqualTo(200);
        long happyId = orderId(happy[0]);
        assertThat(state(happyId)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select satisfaction from wo_callback where work_order_id = ?").param(happyId).query(String.class).single())
                .isEqualTo("SATISFIED");

        var reopen = citizen.http.post("/api/portal/orders/" + happy[0] + "/reopen",
                Map.of("code", happy[1], "reason", "器材又坏了，问题没有真正解决"));
        assertThat(reopen.status()).as(reopen.body()).isEqualTo(200);
        assertThat(state(happyId)).isEqualTo("PENDING_CALLBACK");
        assertThat(jdbc.sql("select supervised from work_order where id = ?").param(happyId).query(Boolean.class).single()).isTrue();
        assertThat(reopen.json().path("steps").toString()).contains("群众申请重办，已转回访核实并督办");

        // the callback agent confirms it is not solved: the usual dissatisfied callback sends it back to the unit
        var callback = ApiClient.loggedIn(port, "callback1");
        var r = callback.post("/api/work-orders/" + happyId + "/callback", StepVersions.withCurrentVersion(jdbc,
                "/api/work-orders/" + happyId + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(state(happyId)).isEqualTo("HANDLING");

        var late = submittedAndReplied("路边井盖松动，车辆经过声音很大");
        assertThat(rate(late, "SATISFIED").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(16));
        var tooLate = citizen.http.post("/api/portal/orders/" + late[0] + "/reopen", Map.of("code", late[1], "reason", "又松了"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.detail()).isEqualTo("只有办结后 15 天内的工单可以申请重办");
        assertThat(state(orderId(late[0]))).isEqualTo("CLOSED");
    }

    @Test
    void publicKnowledgeAndTypicalCasesShowOnlyWhatIsPublicAndStaffApisStayClosed() {
        var articles = citizen.http.get("/api/portal/knowledge?q=" + URLEncoder.encode("噪音", StandardCharsets.UTF_8));
        assertThat(articles.status()).isEqualTo(200);
        List<String> visibilities = jdbc.sql("""
                select distinct c.visibility from kb_article a join kb_category c on c.id = a.category_id
                 where a.id = any(?)""").param(ids(articles.json()).toArray(Long[]::new)).query(String.class).list();
        assertThat(visibilities).containsOnly("PUBLIC");
        long internal = jdbc.sql("""
                select a.id from kb_article a join kb_category c on c.id = a.category_id
                 where c.visibility <> 'PUBLIC' and a.state = 'PUBLISHED' limit 1""").query(Long.class).optional().orElse(-1L);
        assertThat(citizen.http.get("/api/portal/knowledge/" + internal).status()).isEqualTo(404);

        // an editor publishes a closed order: phone numbers and the caller's name are taken out
        var order = submittedAndReplied("我叫李先生，电话13912345678，小区电梯经常停运");
        assertThat(rate(order, "SATISFIED").status()).isEqualTo(200);
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var draft = editor.get("/api/channels/typical-cases/draft?number=" + order[0]);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("appeal").asString()).isEqualTo("我叫市民，电话[电话]，小区电梯经常停运");
        var published = editor.post("/api/channels/typical-cases", Map.of("number", order[0], "title", "电梯经常停运",
                "appeal", "市民反映小区电梯经常停运，电话13912345678", "reply", draft.json().path("reply").asString()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        var cases = citizen.http.get("/api/portal/cases?q=" + URLEncoder.encode("电梯", StandardCharsets.UTF_8));
        assertThat(cases.body()).contains("电梯经常停运").doesNotContain("13912345678");
        assertThat(editor.post("/api/channels/typical-cases", Map.of("number", order[0], "title", "再发一次",
                "appeal", "x", "reply", "y")).status()).isEqualTo(409);

        // the portal's chain opens only the portal: staff APIs still need a login
        assertThat(citizen.http.get("/api/work-orders/" + orderId(order[0])).status()).isEqualTo(401);
        assertThat(citizen.http.get("/api/channels/typical-cases").status()).isEqualTo(401);
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/channels/typical-cases").status()).isEqualTo(403);
    }

    private String confirmedPhone(String phone, String purpose) {
        Object[] c = citizen.captcha();
        var r = citizen.http.post("/api/portal/sms-codes", Map.of("phone", phone, "purpose", purpose,
                "captchaId", c[0].toString(), "captchaAnswer", c[1]));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var sent = sms.last(phone);
        assertThat(sent.requestId()).isEqualTo(r.json().path("requestId").asString());
        var wrong = citizen.http.post("/api/portal/phone-tokens", Map.of("requestId", sent.requestId(), "phone", phone,
                "code", sent.code().equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        var ok = citizen.http.post("/api/portal/phone-tokens", Map.of("requestId", sent.requestId(), "phone", phone,
                "code", sent.code()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        // a code is used once
        assertThat(citizen.http.post("/api/portal/phone-tokens", Map.of("requestId", sent.requestId(), "phone", phone,
                "code", sent.code())).status()).isEqualTo(400);
        return ok.json().path("token").asString();
    }

    /** An appeal submitted on the portal, dispatched to 市住建局, signed, replied and accepted: waits for the callback. */
    private String[] submittedAndReplied(String content) {
        var r = citizen.submit(citizen.appeal(content, Map.of()), null, List.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().path("number").asString();
        long id = orderId(number);
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        long unit = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit, "instruction", "请按职责办理"));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ? and unit_id = ?").params(id, unit)
                .query(Long.class).single();
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", Map.of());
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已安排疏通并清理现场"));
        ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        assertThat(state(id)).isEqualTo("PENDING_CALLBACK");
        return new String[] {number, r.json().path("queryCode").asString()};
    }

    private ApiClient.Response rate(String[] order, String grade) {
        return citizen.http.post("/api/portal/orders/" + order[0] + "/rating", Map.of("code", order[1], "grade", grade));
    }

    private void ok(ApiClient client, String path, Map<String, Object> body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private long orderId(String number) {
        return jdbc.sql("select id from work_order where number = ?").param(number).query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new java.util.ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
