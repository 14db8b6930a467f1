package org.openhotline.exchange.internal.pipe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving end of the pipe, for any platform (ours or not): verify the signature, check every message against
 * the schema, store the batch, then answer. Nothing is stored unless the whole request is good, and nothing is
 * acknowledged before it is stored.
 */
@RestController
@Tag(name = "数据交换接口（对接平台调用）", description = "省级平台、市级平台、110、好差评等对接方向本平台推送消息。"
        + "签名：HMAC（HMAC-SHA256 或 HMAC-SM3）于 `X-Exchange-From + \"\\n\" + X-Exchange-Timestamp + \"\\n\" + 请求体` ，Base64。")
class InboxController {

    static final long MAX_SKEW_MILLIS = 5 * 60_000;

    private final Counterparts counterparts;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final Rejections rejections;
    private final JsonMapper json;
    private final Clock clock;

    InboxController(Counterparts counterparts, Inbox inbox, InboxWorker worker, Rejections rejections, JsonMapper json,
                    Clock clock) {
        this.counterparts = counterparts;
        this.inbox = inbox;
        this.worker = worker;
        this.rejections = rejections;
        this.json = json;
        this.clock = clock;
    }

    record Acknowledgement(List<Inbox.Receipt> results) {}

    @PostMapping(path = "/exchange/v1/inbox", consumes = "application/json")
    @Operation(summary = "推送消息（批量，最多 1000 条；重复的 messageId 返回 DUPLICATE 且不再处理）",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "省交办件", value = """
                    {"messages":[{"messageId":"NJ-7781-1","orderKey":"NJ:20261204000017","seq":1,
                      "type":"order.transferred","schemaVersion":1,"occurredAt":"2026-12-04T08:00:00Z",
                      "payload":{"number":"20261204000017","title":"小区噪音扰民","content":"夜间施工噪音",
                                 "appealType":"COMPLAINT","urgency":"NORMAL","callerPhone":"13800000000",
                                 "signDueAt":"2026-12-04T08:30:00Z","handleDueAt":"2026-12-09T08:00:00Z"}}]}"""))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "已全部存储", content = @Content(examples = @ExampleObject(
                            value = "{\"results\":[{\"messageId\":\"NJ-7781-1\",\"status\":\"ACCEPTED\"}]}"))),
                    @ApiResponse(responseCode = "401", description = "签名、时间戳或来源不正确（已记录）"),
                    @ApiResponse(responseCode = "422", description = "消息不符合格式约定，整批未存储", content = @Content(
                            examples = @ExampleObject(value = """
                                    {"type":"about:blank","title":"消息格式错误","status":422,
                                     "detail":"消息不符合交换格式约定（第 1 版），整批未接收：消息类型 order.replied 缺少必填字段 payload.reply",
                                     "errors":[{"messageId":"JZ-1-5","reason":"消息类型 order.replied 缺少必填字段 payload.reply"}]}""")))})
    Acknowledgement receive(@Parameter(description = "发送方代码") @RequestHeader(name = "X-Exchange-From", required = false) String from,
                            @RequestHeader(name = "X-Exchange-Timestamp", required = false) String timestamp,
                            @RequestHeader(name = "X-Exchange-Algorithm", required = false) String algorithm,
                            @RequestHeader(name = "X-Exchange-Signature", required = false) String signature,
                            @RequestBody(required = false) String body, HttpServletRequest request) {
        Counterpart sender = authenticate(from, timestamp, algorithm, signature, body == null ? "" : body, request);
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw refuse(sender, request, List.of(new MessageSchema.Problem(null, "请求体不是合法的 JSON")));
        }
        List<MessageSchema.Problem> problems = new ArrayList<>();
        List<Message> messages = MessageSchema.read(tree, problems);
        if (!problems.isEmpty()) {
            throw refuse(sender, request, problems);
        }
        List<Inbox.Receipt> receipts = inbox.store(sender.code(), messages, clock.instant());
        worker.wake();
        return new Acknowledgement(receipts);
    }

    /** The sender as the signature proves it; a refusal is recorded and answered 401. */
    Counterpart authenticate(String from, String timestamp, String algorithm, String signature, String signed,
                             HttpServletRequest request) {
        Counterpart sender = counterparts.find(from).filter(Counterpart::enabled).orElse(null);
        String reason = null;
        if (sender == null) {
            reason = "未知或已停用的对接平台：" + from;
        } else if (Signatures.Algorithm.ofHeader(algorithm) != sender.algorithm()) {
            reason = "签名算法与约定不符（约定 " + sender.algorithm().header() + "）";
        } else if (!fresh(timestamp)) {
            reason = "时间戳缺失或与本平台时间相差超过 5 分钟";
        } else if (!Signatures.verify(sender.algorithm(), sender.secret(), from, timestamp, signed, signature)) {
            reason = "签名校验失败";
        }
        if (reason != null) {
            rejections.record(from, 401, reason, request.getRemoteAddr(), clock.instant());
            throw new DomainException(HttpStatus.UNAUTHORIZED, "bad-signature", reason);
        }
        return sender;
    }

    private static boolean fresh(String timestamp) {
        try {
            return Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) <= MAX_SKEW_MILLIS;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private DomainException refuse(Counterpart sender, HttpServletRequest request, List<MessageSchema.Problem> problems) {
        String first = problems.getFirst().reason();
        String detail = "消息不符合交换格式约定（第 " + MessageSchema.VERSION + " 版），整批未接收：" + first
                + (problems.size() > 1 ? "（另有 " + (problems.size() - 1) + " 处错误）" : "");
        rejections.record(sender.code(), 422, detail, request.getRemoteAddr(), clock.instant());
        List<Map<String, Object>> errors = problems.stream().limit(100).map(p -> {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("messageId", p.messageId());
            e.put("reason", p.reason());
            return e;
        }).toList();
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "schema", detail).with("errors", errors);
    }
}
