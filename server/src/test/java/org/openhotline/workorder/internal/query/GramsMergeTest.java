package org.openhotline.workorder.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The grams of new orders are merged into the search index off the request path (ADR 017): the application's
 * role may run the merge (the index belongs to the owner role; {@code wo_merge_grams} is the owner's), the merge
 * keeps a new order findable by its words, and the node runs it on its own thread.
 */
@HotlineTest
class GramsMergeTest {

    @LocalServerPort
    int port;

    @Autowired
    GramsMerge merge;

    @Test
    void theApplicationMergesThePendingGramsAndTheOrderIsStillFoundByItsWords() {
        var agent = ApiClient.loggedIn(port, "agent9");
        String tag = "合并" + System.nanoTime() % 100000;
        var r = agent.post("/api/work-orders", Map.of("channel", "WECHAT", "appealType", "SUGGESTION",
                "content", tag + " 建议小区门口增设非机动车停放点", "callerName", "李先生", "address", "东湖区人民路9号"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().path("id").asLong();

        assertThat(merge.mergeNow()).isNotNegative();
        assertThat(merge.isRunning()).as("the merge thread runs on this node").isTrue();

        var found = agent.get("/api/work-orders?size=20&q=" + URLEncoder.encode(tag + " 停放", StandardCharsets.UTF_8)
                + "&channel=WECHAT&appealType=SUGGESTION");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("items").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
    }
}
