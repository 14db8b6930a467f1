package org.openhotline.exchange.internal.pipe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Schema version 1 of the messages (docs/exchange.md): the envelope's members and, per type, the payload members
 * that must be there. A message that breaks it is refused with the reason, in Chinese, before anything is stored.
 */
public final class MessageSchema {

    public static final int VERSION = 1;

    /** The types of version 1 and their required payload members. */
    public static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("order.reported", List.of("number", "title", "state")),
            Map.entry("order.step", List.of("action", "state")),
            Map.entry("order.transferred", List.of("number", "title", "content")),
            Map.entry("order.receipt", List.of("receiptNo")),
            Map.entry("order.replied", List.of("reply")),
            Map.entry("order.callback", List.of("resolved", "satisfaction")),
            Map.entry("evaluation", List.of("number", "grade")),
            Map.entry("evaluation.rectify", List.of("number", "reason")),
            Map.entry("evaluation.rectified", List.of("number", "result")),
            Map.entry("order.request", List.of("requestId", "kind", "reason")),
            Map.entry("order.request-decided", List.of("requestId", "approved")));

    public record Problem(String messageId, String reason) {}

    private MessageSchema() {}

    /** Reads and checks a request body; {@code problems} collects what is wrong (empty: all good). */
    public static List<Message> read(JsonNode body, List<Problem> problems) {
        List<Message> out = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new Problem(null, "请求体须为 {\"messages\": [...]}，且至少包含一条消息"));
            return out;
        }
        if (list.size() > 1000) {
            problems.add(new Problem(null, "一次最多发送 1000 条消息"));
            return out;
        }
        for (JsonNode m : list) {
            String id = text(m, "messageId");
            String reason = check(m, id);
            if (reason != null) {
                problems.add(new Problem(id, reason));
                continue;
            }
            out.add(new Message(id, text(m, "orderKey"), m.get("seq").asLong(), text(m, "type"),
                    m.get("schemaVersion").asInt(), Instant.parse(text(m, "occurredAt")), m.get("payload")));
        }
        return out;
    }

    private static String check(JsonNode m, String id) {
        if (m == null || !m.isObject()) {
            return "每条消息须为 JSON 对象";
        }
        if (id == null || id.isBlank() || id.length() > 120) {
            return "messageId（幂等键）必填，最长 120 个字符";
        }
        JsonNode version = m.get("schemaVersion");
        if (version == null || !version.isInt()) {
            return "schemaVersion（格式版本）必填，须为整数";
        }
        if (version.asInt() != VERSION) {
            return "不支持的 schemaVersion " + version.asInt() + "，本平台支持 " + VERSION;
        }
        String key = text(m, "orderKey");
        if (key == null || key.isBlank() || key.length() > 120) {
            return "orderKey 必填，最长 120 个字符";
        }
        JsonNode seq = m.get("seq");
        if (seq == null || !seq.canConvertToLong() || seq.asLong() < 1) {
            return "seq（工单内序号）须为从 1 开始的整数";
        }
        String type = text(m, "type");
        if (type == null || !TYPES.containsKey(type)) {
            return "未知的消息类型 type：" + type;
        }
        try {
            Instant.parse(String.valueOf(text(m, "occurredAt")));
        } catch (RuntimeException e) {
            return "occurredAt 须为 ISO-8601 时间（如 2026-12-04T08:00:00Z）";
        }
        JsonNode payload = m.get("payload");
        if (payload == null || !payload.isObject()) {
            return "payload 须为 JSON 对象";
        }
        for (String field : TYPES.get(type)) {
            JsonNode v = payload.get(field);
            if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
                return "消息类型 " + type + " 缺少必填字段 payload." + field;
            }
        }
        if (payload.toString().length() > 64_000) {
            return "payload 过大（最多 64000 个字符）";
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
