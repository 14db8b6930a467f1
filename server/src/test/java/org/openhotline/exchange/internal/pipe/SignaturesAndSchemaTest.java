package org.openhotline.exchange.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The signature and the schema check, as plain functions. */
class SignaturesAndSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hmacSha256IsTheStandardMacOverFromTimestampAndBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("Jefe".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal("NJ\n1700000000000\n{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(Signatures.sign(Signatures.Algorithm.HMAC_SHA256, "Jefe", "NJ", "1700000000000", "{}")).isEqualTo(expected);
    }

    @Test
    void hmacSm3IsA32ByteMacThatDiffersFromSha256AndDetectsEveryChange() {
        String sm3 = Signatures.sign(Signatures.Algorithm.HMAC_SM3, "key-0123456789abcdef", "JZ", "1", "{\"a\":1}");
        assertThat(Base64.getDecoder().decode(sm3)).hasSize(32);
        assertThat(sm3).isNotEqualTo(Signatures.sign(Signatures.Algorithm.HMAC_SHA256, "key-0123456789abcdef", "JZ", "1", "{\"a\":1}"));
        assertThat(Signatures.verify(Signatures.Algorithm.HMAC_SM3, "key-0123456789abcdef", "JZ", "1", "{\"a\":1}", sm3)).isTrue();
        assertThat(Signatures.verify(Signatures.Algorithm.HMAC_SM3, "key-0123456789abcdef", "JZ", "1", "{\"a\":2}", sm3)).isFalse();
        assertThat(Signatures.verify(Signatures.Algorithm.HMAC_SM3, "key-0123456789abcdef", "JZ", "2", "{\"a\":1}", sm3)).isFalse();
        assertThat(Signatures.verify(Signatures.Algorithm.HMAC_SM3, "other-key-0123456789", "JZ", "1", "{\"a\":1}", sm3)).isFalse();
        assertThat(Signatures.verify(Signatures.Algorithm.HMAC_SM3, "key-0123456789abcdef", "JZ", "1", "{\"a\":1}", null)).isFalse();
    }

    @Test
    void hmacSm3MatchesTheGbtTestVectorOfSm3ForAnEmptyKeyFreeCheck() {
        // SM3("abc") from GB/T 32905-2016 appendix A, through BouncyCastle's digest the HMAC is built on.
        var digest = new org.bouncycastle.crypto.digests.SM3Digest();
        byte[] in = "abc".getBytes(StandardCharsets.US_ASCII);
        digest.update(in, 0, in.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void theSchemaNamesWhatIsWrongInChineseAndAcceptsAGoodMessage() {
        List<MessageSchema.Problem> problems = new ArrayList<>();
        var good = MessageSchema.read(JSON.readTree("""
                {"messages":[{"messageId":"a-1","orderKey":"NJ:1","seq":1,"type":"order.replied","schemaVersion":1,
                  "occurredAt":"2026-12-04T08:00:00Z","payload":{"reply":"已办结"}}]}"""), problems);
        assertThat(problems).isEmpty();
        assertThat(good).singleElement().satisfies(m -> assertThat(m.payload().path("reply").asString()).isEqualTo("已办结"));

        MessageSchema.read(JSON.readTree("""
                {"messages":[
                  {"messageId":"b-1","orderKey":"NJ:1","seq":1,"type":"order.replied","schemaVersion":2,"occurredAt":"2026-12-04T08:00:00Z","payload":{"reply":"x"}},
                  {"messageId":"b-2","orderKey":"NJ:1","seq":0,"type":"order.replied","schemaVersion":1,"occurredAt":"2026-12-04T08:00:00Z","payload":{"reply":"x"}},
                  {"messageId":"b-3","orderKey":"NJ:1","seq":1,"type":"order.unknown","schemaVersion":1,"occurredAt":"2026-12-04T08:00:00Z","payload":{}},
                  {"messageId":"b-4","orderKey":"NJ:1","seq":1,"type":"order.replied","schemaVersion":1,"occurredAt":"yesterday","payload":{"reply":"x"}},
                  {"messageId":"b-5","orderKey":"NJ:1","seq":1,"type":"order.replied","schemaVersion":1,"occurredAt":"2026-12-04T08:00:00Z","payload":{"reply":" "}},
                  {"orderKey":"NJ:1","seq":1,"type":"order.replied","schemaVersion":1,"occurredAt":"2026-12-04T08:00:00Z","payload":{"reply":"x"}}
                ]}"""), problems);
        assertThat(problems).extracting(MessageSchema.Problem::reason).containsExactly(
                "不支持的 schemaVersion 2，本平台支持 1",
                "seq（工单内序号）须为从 1 开始的整数",
                "未知的消息类型 type：order.unknown",
                "occurredAt 须为 ISO-8601 时间（如 2026-12-04T08:00:00Z）",
                "消息类型 order.replied 缺少必填字段 payload.reply",
                "messageId（幂等键）必填，最长 120 个字符");
        assertThat(problems).extracting(MessageSchema.Problem::messageId).startsWith("b-1", "b-2");
    }
}
