package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.channels.internal.chat.OpenIds;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The official-account callback driven by a simulated WeChat server: the URL check, a guided conversation in plain
 * and in safe mode that files an appeal (channel WECHAT) and answers a progress query, WeChat's retries getting the
 * first reply, forged requests refused, and the reply notice through the customer-service API with its token.
 */
@HotlineTest
class WeChatCallbackTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openhotline.shared.crypto.Resealing resealing;

    final WeChatApiStandIn api = WeChatApiStandIn.shared();

    static String user() {
        return "oUser" + System.nanoTime();
    }

    @Test
    void theUrlCheckEchoesOnlyForOurToken() throws Exception {
        var wechat = new WeChatServerSimulator(port, false);
        var ok = wechat.verify("echo-7788", true);
        var forged = wechat.verify("echo-7788", false);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("echo-7788");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("签名校验失败");
    }

    @Test
    void aPlainConversationFilesAnAppealWithTextLocationAndVoiceAndAnswersAProgressQuery() throws Exception {
        var wechat = new WeChatServerSimulator(port, false);
        String user = user();

        assertThat(wechat.push(WeChatServerSimulator.event(user, "subscribe", "")).replyText()).contains("我要反映");
        assertThat(wechat.push(WeChatServerSimulator.event(user, "CLICK", "APPEAL")).replyText()).contains("请描述");
        wechat.push(WeChatServerSimulator.text(user, "青山路小学门口的斑马线看不清了"));
        wechat.push(WeChatServerSimulator.location(user, "青山路小学"));
        wechat.push(WeChatServerSimulator.voice(user, "上下学时车很多很危险"));
        assertThat(wechat.push(WeChatServerSimulator.text(user, "好了")).replyText()).contains("手机号码");
        // the follower's step is found again by the openid's index; the openid itself is sealed (ADR 041)
        var session = jdbc.sql("select open_id, step from ch_wechat_session where open_id_index = ?").param(OpenIds.index(user))
                .query().singleRow();
        assertThat(session.get("step")).isEqualTo("PHONE");
        assertThat(PersonalData.open((String) session.get("open_id"))).isEqualTo(user);
        assertThat(plainRows(user)).isEmpty();
        String done = wechat.push(WeChatServerSimulator.text(user, "13612345678")).replyText();

        assertThat(done).contains("已受理");
        String number = done.replaceAll("(?s).*工单号：(\\d+).*", "$1");
        var order = jdbc.sql("select channel, caller_phone, content from work_order where number = ?").param(number)
                .query((rs, n) -> rs.getString(1) + "|" + org.openhotline.shared.crypto.PersonalData.open(rs.getString(2)) + "|" + rs.getString(3)).single();
        assertThat(order).startsWith("WECHAT|13612345678|青山路小学门口的斑马线看不清了")
                .contains("［位置］青山路小学（28.68,115.89）").contains("［语音］上下学时车很多很危险");
        assertThat(wechat.push(WeChatServerSimulator.text(user, "查询" + number)).replyText())
                .contains("工单" + number).contains("状态：待派单");
        String follower = jdbc.sql("select o.open_id from ch_wechat_order o join work_order w on w.id = o.work_order_id where w.number = ?")
                .param(number).query(String.class).single();
        assertThat(follower).startsWith("ENC1.");
        assertThat(PersonalData.open(follower)).as("the order's follower, for the reply notice").isEqualTo(user);
        assertThat(plainRows(user)).isEmpty();
    }

    /**
     * Followers in the middle of the guided conversation when the upgrade that sealed openids came: one writes again
     * before the start-up pass reached the session (the plain row is found and replaced by a sealed one), the other's
     * session is sealed and indexed by the pass; both go on where they were, and the pass does not trip over the two.
     */
    @Test
    void sessionsFromBeforeOpenidsWereSealedGoOnAndTheStartUpPassSealsThem() throws Exception {
        var wechat = new WeChatServerSimulator(port, false);
        String early = user();
        String late = user();
        for (String user : java.util.List.of(early, late)) {
            jdbc.sql("insert into ch_wechat_session (open_id, step, draft, updated_at) values (?, 'CONTENT', ?, now())")
                    .params(user, "桥下涵洞积水" + user.substring(user.length() - 4)).update();
        }
        assertThat(wechat.push(WeChatServerSimulator.text(early, "好了")).replyText()).as("the draft from before is found")
                .contains("手机号码");
        assertThat(jdbc.sql("select count(*) from ch_wechat_session where open_id = ?").param(early).query(Long.class).single())
                .as("the plain row is replaced").isZero();

        var pass = resealing.passNow();
        assertThat(pass.state()).isEqualTo("DONE");
        var sealed = jdbc.sql("select open_id, step from ch_wechat_session where open_id_index = ?").param(OpenIds.index(late))
                .query().singleRow();
        assertThat((String) sealed.get("open_id")).startsWith("ENC1.");
        assertThat(PersonalData.open((String) sealed.get("open_id"))).isEqualTo(late);
        assertThat(plainRows(early)).isEmpty();
        assertThat(plainRows(late)).isEmpty();

        for (String user : java.util.List.of(early, late)) {
            if (user.equals(late)) {
                assertThat(wechat.push(WeChatServerSimulator.text(user, "好了")).replyText()).contains("手机号码");
            }
            String done = wechat.push(WeChatServerSimulator.text(user, "匿名")).replyText();
            assertThat(done).as(user).contains("已受理");
            String number = done.replaceAll("(?s).*工单号：(\\d+).*", "$1");
            assertThat(jdbc.sql("select content from work_order where number = ?").param(number).query(String.class).single())
                    .isEqualTo("桥下涵洞积水" + user.substring(user.length() - 4));
        }
    }

    /** The WeChat tables whose rows hold {@code openid} in plain text (any column, the message keys included). */
    private java.util.List<String> plainRows(String openid) {
        return java.util.List.of("ch_wechat_session", "ch_wechat_message", "ch_wechat_order", "ch_chat").stream()
                .filter(table -> jdbc.sql("select count(*) from " + table + " t where t::text like ?").param("%" + openid + "%")
                        .query(Long.class).single() > 0).toList();
    }

    @Test
    void safeModeIsDecryptedAndAnsweredEncryptedAndARetryGetsTheFirstReply() throws Exception {
        var wechat = new WeChatServerSimulator(port, true);
        String user = user();
        wechat.push(WeChatServerSimulator.text(user, "我要反映"));
        // content of this run's own: a rerun on the same database would count the first try's order too
        String content = "夜里工地施工噪音太大" + user.substring(user.length() - 6);
        wechat.push(WeChatServerSimulator.text(user, content));
        wechat.push(WeChatServerSimulator.text(user, "好了"));
        String last = WeChatServerSimulator.text(user, "匿名");

        var first = wechat.push(last);
        var retry = wechat.push(last); // WeChat pushes the same MsgId again when our answer did not reach it

        assertThat(first.replyText()).contains("已受理");
        assertThat(retry.replyText()).isEqualTo(first.replyText());
        assertThat(jdbc.sql("select count(*) from work_order where channel = 'WECHAT' and content = ?")
                .param(content).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void requestsNotFromOurAccountAreRefused() throws Exception {
        var otherKey = new WeChatServerSimulator(port, true, WeChatApiStandIn.TOKEN,
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", WeChatApiStandIn.APP_ID);
        var otherApp = new WeChatServerSimulator(port, true, WeChatApiStandIn.TOKEN, WeChatApiStandIn.AES_KEY, "wxother");
        var otherToken = new WeChatServerSimulator(port, false, "not-our-token", WeChatApiStandIn.AES_KEY,
                WeChatApiStandIn.APP_ID);

        assertThat(otherKey.push(WeChatServerSimulator.text(user(), "1")).status()).isEqualTo(403);
        assertThat(otherApp.push(WeChatServerSimulator.text(user(), "1")).status()).isEqualTo(403);
        assertThat(otherToken.push(WeChatServerSimulator.text(user(), "1")).status()).isEqualTo(403);
    }

    @Test
    void theReplyReachesTheFollowerByTemplateMessageWithAFreshTokenWhenTheOldOneIsStale() throws Exception {
        var wechat = new WeChatServerSimulator(port, false);
        String user = user();
        wechat.push(WeChatServerSimulator.text(user, "1"));
        wechat.push(WeChatServerSimulator.text(user, "公园厕所没有纸"));
        wechat.push(WeChatServerSimulator.text(user, "好了"));
        String number = wechat.push(WeChatServerSimulator.text(user, "匿名")).replyText()
                .replaceAll("(?s).*工单号：(\\d+).*", "$1");
        long id = jdbc.sql("select id from work_order where number = ?").param(number).query(Long.class).single();
        api.expireTokens();
        int tokens = api.tokensIssued();

        ApiClient dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        String path = "/api/work-orders/" + id + "/direct-reply";
        var r = dispatcher.post(path, StepVersions.withCurrentVersion(jdbc, path, new HashMap<>(Map.of("text", "已通知公园管理处补充"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        // the account has a 办理结果通知 template configured: the reply goes by template message (it reaches a follower
        // who has not written for 48 hours, which a customer-service message would not)
        Wait.until("the template message", (java.util.function.BooleanSupplier) () -> api.templates().stream()
                .anyMatch(t -> t.toUser().equals(user) && t.templateId().equals(WeChatApiStandIn.TEMPLATE_REPLIED)
                        && t.data().path("keyword2").path("value").asString().contains("已通知公园管理处补充")
                        && t.data().path("keyword1").path("value").asString().equals(number)),
                Duration.ofSeconds(30), () -> api.templates().toString());
        assertThat(api.tokensIssued()).isGreaterThan(tokens);
        // and the 受理通知 went out by template when the order was filed
        Wait.until("the accepted template", (java.util.function.BooleanSupplier) () -> api.templates().stream()
                .anyMatch(t -> t.toUser().equals(user) && t.templateId().equals(WeChatApiStandIn.TEMPLATE_ACCEPTED)
                        && t.data().path("keyword1").path("value").asString().equals(number)),
                Duration.ofSeconds(30), () -> api.templates().toString());
    }
}
