package org.openhotline.shared.crypto;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal data inside JSON kept at rest (the exchange pipe's queued messages): the top-level fields named in
 * {@link #FIELDS} are sealed like columns ({@link PersonalData#seal}) when the JSON is stored and opened when it is
 * read back to be sent or applied; every other field stays as it is, so the queue stays readable for operators.
 */
public final class SealedJson {

    static final Set<String> FIELDS = Set.of("callerPhone", "callerName", "address");

    private SealedJson() {}

    /** The JSON text to store for {@code value}, its personal fields sealed. */
    public static String seal(JsonMapper json, Object value) {
        JsonNode tree = json.valueToTree(value);
        if (tree instanceof ObjectNode o) {
            for (String f : FIELDS) {
                JsonNode v = o.get(f);
                if (v != null && v.isString()) {
                    o.put(f, PersonalData.seal(v.asString()));
                }
            }
        }
        return json.writeValueAsString(tree);
    }

    /** The stored JSON text with its personal fields opened; text stored before sealing comes back unchanged. */
    public static String open(JsonMapper json, String stored) {
        if (stored == null || !stored.contains(PersonalData.PREFIX)) {
            return stored;
        }
        JsonNode tree = json.readTree(stored);
        if (tree instanceof ObjectNode o) {
            for (String f : FIELDS) {
                JsonNode v = o.get(f);
                if (v != null && v.isString()) {
                    o.put(f, PersonalData.open(v.asString()));
                }
            }
        }
        return json.writeValueAsString(tree);
    }
}
