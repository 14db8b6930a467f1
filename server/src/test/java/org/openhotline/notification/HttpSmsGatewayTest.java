package org.openhotline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.notification.internal.sms.HttpSmsGateway;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.notification.internal.sms.SmsProperties;

/** The generic HTTPS gateway against a local stand-in: accepted, rejected for good (4xx), failed for a retry (5xx). */
class HttpSmsGatewayTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = "{\"ids\":[\"m-1\",\"m-2\"]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpSmsGateway gateway() {
        return new HttpSmsGateway(new SmsProperties.Http("http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                "secret-token", Duration.ofSeconds(5)));
    }

    @Test
    void postsThePhoneAndTextWithTheTokenAndReadsThePartIds() throws Exception {
        List<String> ids = gateway().send("13800000009", "您好").get(10, TimeUnit.SECONDS);

        assertThat(ids).containsExactly("m-1", "m-2");
        assertThat(bodies.getFirst()).contains("\"phone\":\"13800000009\"").contains("\"text\":\"您好\"");
        assertThat(auth.getFirst()).isEqualTo("Bearer secret-token");
    }

    @Test
    void aClientErrorIsRejectedForGoodAndAServerErrorIsLeftForARetry() {
        status.set(400);
        assertThatThrownBy(() -> gateway().send("1", "x").get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SmsGateway.Rejected.class);
        status.set(503);
        assertThatThrownBy(() -> gateway().send("13800000009", "x").get(10, TimeUnit.SECONDS))
                .cause().isNotInstanceOf(SmsGateway.Rejected.class).hasMessageContaining("503");
    }
}
