package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** Scoring schemes for assessment tests: saving a test scheme and putting the one read before back afterwards. */
final class AssessmentFixture {

    private AssessmentFixture() {}

    static Map<String, Object> item(String code, double weight, double target, double pointsPerPp, double cap) {
        return Map.of("code", code, "weight", weight, "target", target, "pointsPerPp", pointsPerPp, "cap", cap);
    }

    /** Saves {@code items} (and the agent extras) as the next version and answers that version. */
    static int save(ApiClient manager, String kind, List<Map<String, Object>> items, Map<String, Object> extras) {
        int version = manager.get("/api/reports/schemes/" + kind).json().path("version").asInt();
        Map<String, Object> body = new java.util.HashMap<>(extras);
        body.put("version", version);
        body.put("items", items);
        var r = manager.put("/api/reports/schemes/" + kind, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("version").asInt();
    }

    /** Saves the content of {@code before} (a scheme as the API answered it) as the latest version again. */
    static void restore(ApiClient manager, String kind, JsonNode before) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode i : before.path("items")) {
            items.add(item(i.path("code").asString(), i.path("weight").asDouble(), i.path("target").asDouble(),
                    i.path("pointsPerPp").asDouble(), i.path("cap").asDouble()));
        }
        Map<String, Object> extras = new java.util.HashMap<>();
        for (String f : List.of("complaintWeight", "complaintPoints", "escalatedPoints", "praisePoints", "bannerPoints", "bonusCap")) {
            if (!before.path(f).isNull() && !before.path(f).isMissingNode()) {
                extras.put(f, before.path(f).asDouble());
            }
        }
        save(manager, kind, items, extras);
    }

    static JsonNode unit(JsonNode report, String name) {
        for (JsonNode u : report.path("units")) {
            if (u.path("unitName").asString().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + name + " in " + report);
    }

    static JsonNode item(JsonNode row, String code) {
        for (JsonNode i : row.path("items")) {
            if (i.path("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code + " in " + row);
    }

    /** {@code [value, score]} of an item as plain text ("null" without a value). */
    static List<String> valueAndScore(JsonNode row, String code) {
        JsonNode i = item(row, code);
        return List.of(ReportingFixture.number(i.path("value")), ReportingFixture.number(i.path("score")));
    }
}
