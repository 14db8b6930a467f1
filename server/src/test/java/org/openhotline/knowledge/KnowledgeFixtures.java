package org.openhotline.knowledge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.testing.ApiClient;

/** Test data made through the API: each test makes its own column so that results are its own. */
final class KnowledgeFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private KnowledgeFixtures() {}

    static long category(ApiClient editor, String visibility, List<String> readRoles) {
        var r = editor.post("/api/knowledge/categories", Map.of("name", "测试栏目" + SEQ.incrementAndGet(),
                "visibility", visibility, "readRoles", readRoles));
        if (r.status() != 201) {
            throw new AssertionError("category: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asLong();
    }

    static long draft(ApiClient editor, long category, String title, String body) {
        var r = editor.post("/api/knowledge/articles", Map.of("categoryId", category, "title", title,
                "bodyHtml", body, "keywords", ""));
        if (r.status() != 201) {
            throw new AssertionError("draft: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asLong();
    }

    /** Written by kbeditor1, approved by manager (the reviewer must not be the submitter). */
    static long published(ApiClient editor, ApiClient reviewer, long category, String title, String body) {
        long id = draft(editor, category, title, body);
        ok(editor.post("/api/knowledge/articles/" + id + "/submit", null));
        ok(reviewer.post("/api/knowledge/articles/" + id + "/approve", Map.of("comment", "同意")));
        return id;
    }

    static ApiClient.Response ok(ApiClient.Response r) {
        if (r.status() >= 300) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r;
    }

    static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
