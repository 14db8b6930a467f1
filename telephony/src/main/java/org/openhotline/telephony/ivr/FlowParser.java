package org.openhotline.telephony.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a flow from JSON and checks it before any caller meets it: known step types, required fields,
 * and every successor naming a step that exists. Errors name the step, so a flow editor can show them.
 *
 * <pre>{"id": "12345", "start": "menu", "steps": {"menu": {"type": "menu", "prompt": "main-menu",
 *   "options": {"1": "agent"}, "timeoutSeconds": 5, "retries": 2, "invalidPrompt": "invalid",
 *   "onFailure": "agent"}, "agent": {"type": "queue", "queue": "general"}}}</pre>
 */
public final class FlowParser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static Flow parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidFlow("not JSON: " + e.getOriginalMessage());
        }
        String id = required(root, "id", "flow");
        Map<String, Step> steps = new LinkedHashMap<>();
        JsonNode stepsNode = root.path("steps");
        if (!stepsNode.isObject() || stepsNode.isEmpty()) throw new InvalidFlow("flow " + id + " has no steps");
        for (Map.Entry<String, JsonNode> e : stepsNode.properties()) {
            steps.put(e.getKey(), step(e.getKey(), e.getValue()));
        }
        String start = required(root, "start", "flow");
        Flow flow = new Flow(id, root.path("name").asString(id), start, Map.copyOf(steps),
                root.path("earlyMedia").asBoolean(false));
        check(flow);
        return flow;
    }

    private static Step step(String sid, JsonNode n) {
        String type = required(n, "type", sid);
        return switch (type) {
            case "play" -> new Step.Play(required(n, "prompt", sid), required(n, "next", sid));
            case "menu" -> {
                Map<String, String> options = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> o : n.path("options").properties()) {
                    if (o.getKey().length() != 1 || "0123456789*#".indexOf(o.getKey().charAt(0)) < 0) {
                        throw new InvalidFlow("step " + sid + ": menu option '" + o.getKey() + "' is not a key");
                    }
                    options.put(o.getKey(), o.getValue().asString());
                }
                if (options.isEmpty()) throw new InvalidFlow("step " + sid + ": menu has no options");
                yield new Step.Menu(required(n, "prompt", sid), Map.copyOf(options), seconds(n, "timeoutSeconds", 5),
                        n.path("retries").asInt(2), n.path("invalidPrompt").asString(null), required(n, "onFailure", sid));
            }
            case "collect" -> new Step.Collect(required(n, "prompt", sid), required(n, "variable", sid),
                    n.path("minDigits").asInt(1), n.path("maxDigits").asInt(20), n.path("terminator").asString("#"),
                    seconds(n, "timeoutSeconds", 8), required(n, "next", sid), required(n, "onFailure", sid));
            case "condition" -> new Step.Condition(required(n, "test", sid), required(n, "then", sid),
                    required(n, "else", sid));
            case "set" -> new Step.SetVariable(required(n, "name", sid), n.path("value").asString(""),
                    required(n, "next", sid));
            case "queue" -> new Step.ToQueue(required(n, "queue", sid));
            case "transfer" -> new Step.Transfer(required(n, "number", sid));
            case "voicemail" -> new Step.Voicemail(required(n, "prompt", sid), seconds(n, "maxSeconds", 60),
                    n.path("next").asString(null));
            case "hangup" -> new Step.Hangup(n.path("prompt").asString(null));
            default -> throw new InvalidFlow("step " + sid + ": unknown type '" + type + "'");
        };
    }

    private static void check(Flow flow) {
        List<String> targets = new ArrayList<>();
        targets.add(flow.start());
        for (Step s : flow.steps().values()) {
            switch (s) {
                case Step.Play p -> targets.add(p.next());
                case Step.Menu m -> {
                    targets.addAll(m.options().values());
                    targets.add(m.onFailure());
                }
                case Step.Collect c -> {
                    targets.add(c.next());
                    targets.add(c.onFailure());
                }
                case Step.Condition c -> {
                    targets.add(c.then());
                    targets.add(c.otherwise());
                }
                case Step.SetVariable v -> targets.add(v.next());
                case Step.Voicemail v -> {
                    if (v.next() != null) targets.add(v.next());
                }
                case Step.ToQueue q -> { }
                case Step.Transfer t -> { }
                case Step.Hangup h -> { }
            }
        }
        for (String t : targets) {
            if (!flow.steps().containsKey(t)) throw new InvalidFlow("flow " + flow.id() + " refers to missing step " + t);
        }
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asString().isBlank()) {
            throw new InvalidFlow(where + ": '" + field + "' is required");
        }
        return v.asString();
    }

    private static Duration seconds(JsonNode n, String field, int dflt) {
        return Duration.ofMillis((long) (n.path(field).asDouble(dflt) * 1000));
    }

    /** A flow that cannot run; the message says which step and why. */
    public static final class InvalidFlow extends RuntimeException {
        public InvalidFlow(String message) {
            super(message);
        }
    }

    private FlowParser() {
    }
}
