package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.testing.ApiClient;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's browser without a login: captchas answered from the server's table (what a person reads off the
 * picture), SMS codes taken from the {@link PortalSmsCodeRequested} event the notification module would send, and
 * multipart submissions as the portal page makes them.
 */
final class PortalClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every PNG starts with these bytes; the rest does not matter to the intake. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    final ApiClient http;
    final JdbcClient jdbc;

    PortalClient(ApiClient http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A fresh captcha and its right answer. */
    Object[] captcha() {
        var r = http.get("/api/portal/captcha");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("image").asString()).startsWith("data:image/png;base64,");
        UUID id = UUID.fromString(r.json().path("id").asString());
        int answer = jdbc.sql("select answer from ch_captcha where id = ?").param(id).query(Integer.class).single();
        return new Object[] {id, answer};
    }

    static String phone() {
        return "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    ApiClient.Response submit(Map<String, Object> appeal, String phoneToken, List<Object[]> files) {
        return submit(appeal, phoneToken, files, null);
    }

    ApiClient.Response submit(Map<String, Object> appeal, String phoneToken, List<Object[]> files, String idempotencyKey) {
        String boundary = "----portal" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "appeal", null, "application/json", JSON.writeValueAsBytes(appeal));
        for (Object[] f : files) {
            part(body, boundary, "photos", (String) f[0], "image/png", (byte[]) f[1]);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/portal/appeals"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (phoneToken != null) {
            b.header("X-Phone-Token", phoneToken);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b);
    }

    /** An appeal with a right captcha; {@code extra} overrides the defaults. */
    Map<String, Object> appeal(String content, Map<String, Object> extra) {
        Object[] c = captcha();
        Map<String, Object> a = new java.util.HashMap<>();
        a.put("appealType", "COMPLAINT");
        a.put("content", content);
        a.put("name", "李先生");
        a.put("phone", phone());
        a.put("address", "人民路 8 号");
        a.put("captchaId", c[0].toString());
        a.put("captchaAnswer", c[1]);
        a.putAll(extra);
        return a;
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String file, String type, byte[] data) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Collects the SMS codes the portal asks to send, from any thread, while registered. */
    static final class SmsOutbox implements ApplicationListener<PayloadApplicationEvent<?>> {
        final List<PortalSmsCodeRequested> sent = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            if (event.getPayload() instanceof PortalSmsCodeRequested r) {
                sent.add(r);
            }
        }

        PortalSmsCodeRequested last(String phone) {
            List<PortalSmsCodeRequested> mine = new ArrayList<>(sent.stream().filter(s -> s.phone().equals(phone)).toList());
            assertThat(mine).as("SMS code for " + phone).isNotEmpty();
            return mine.getLast();
        }

        void register(ApplicationEventMulticaster multicaster) {
            multicaster.addApplicationListener(this);
        }

        void unregister(ApplicationEventMulticaster multicaster) {
            multicaster.removeApplicationListener(this);
        }
    }
}
