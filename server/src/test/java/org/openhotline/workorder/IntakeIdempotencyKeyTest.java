package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that retries an intake after a time-out cannot double the order (issue 17): the same key with the same
 * request answers the first order, also after it moved on; the same key with another request is refused in Chinese.
 */
@HotlineTest
class IntakeIdempotencyKeyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyAnswersItsFirstOrderForTheSameRequestAndRefusesAnotherRequest() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent6");
        String content = "超时后重试的受理 " + System.nanoTime();
        var body = f.order(content);
        String key = "timeout-retry-" + System.nanoTime();

        var first = post(agent, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        f.dispatch(ApiClient.loggedIn(port, "dispatcher1"), id, "CGJ");

        var retry = post(agent, new HashMap<>(body), key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("id").asLong()).isEqualTo(id);
        assertThat(retry.json().path("number").asString()).isEqualTo(first.json().path("number").asString());
        assertThat(retry.json().path("state").asString()).as("the order as it is now").isEqualTo("HANDLING");

        Map<String, Object> other = new HashMap<>(body);
        other.put("content", content + "（另一诉求）");
        var reused = post(agent, other, key);
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.detail()).contains("Idempotency-Key").contains(first.json().path("number").asString());
        assertThat(reused.body()).doesNotContain("Exception");

        var anotherAgent = post(ApiClient.loggedIn(port, "agent7"), other, key);
        assertThat(anotherAgent.status()).as("a key is the client's own").isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from work_order where content like ?").param(content + "%")
                .query(Long.class).single()).isEqualTo(2);
    }

    private ApiClient.Response post(ApiClient client, Map<String, Object> body, String key) {
        var request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/work-orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        return client.send(request);
    }
}
