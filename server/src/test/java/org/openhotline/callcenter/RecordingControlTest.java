package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 删除通话录音: asked with a reason, approved by another person (never the asker), the file leaves storage and the
 * call record keeps the fact; retention rules remove only recordings older than their days.
 */
@HotlineTest
class RecordingControlTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        clock.reset();
        jdbc.sql("update cc_recording_retention set days = null").update();
    }

    /** A call of its own with a recording file, arrived {@code daysAgo} days before the clock's now. */
    private String call(String direction, int daysAgo, int bytes) throws Exception {
        String id = "rec-" + direction + "-" + daysAgo + "-" + System.nanoTime();
        Path file = dir.resolve(id + ".wav");
        Files.write(file, new byte[bytes]);
        jdbc.sql("""
                insert into cc_call (id, caller, called, direction, arrived_at, answered_at, ended_at, recording_path, recording_s)
                values (?, '13800000000', '12345', ?, ?, ?, ?, ?, 10)""")
                .params(id, direction, OffsetDateTime.now(clock).minusDays(daysAgo), OffsetDateTime.now(clock).minusDays(daysAgo),
                        OffsetDateTime.now(clock).minusDays(daysAgo).plusMinutes(2), file.toString()).update();
        return id;
    }

    private Path fileOf(String id) {
        return dir.resolve(id + ".wav");
    }

    @Test
    void aDeletionNeedsASecondPersonAndTheRecordKeepsTheFact() throws Exception {
        String id = call("INBOUND", 1, 4000);
        var manager = ApiClient.loggedIn(port, "manager");
        var leader = ApiClient.loggedIn(port, "teamleader1");

        assertThat(leader.post("/api/callcenter/recordings/deletions", Map.of("callId", id, "reason", " ")).status())
                .isEqualTo(422);
        var own = manager.post("/api/callcenter/recordings/deletions", Map.of("callId", id, "reason", "误录：测试通话"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        var self = manager.post("/api/callcenter/recordings/deletions/" + own.json().path("id").asLong() + "/approve",
                Map.of("version", own.json().path("version").asInt()));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.detail()).contains("须由另一人批准");
        assertThat(Files.exists(fileOf(id))).isTrue();
        assertThat(leader.post("/api/callcenter/recordings/deletions/" + own.json().path("id").asLong() + "/approve",
                Map.of("version", 0)).status()).as("approving needs recording:delete").isEqualTo(403);
        assertThat(manager.post("/api/callcenter/recordings/deletions", Map.of("callId", id, "reason", "再次申请")).status())
                .as("one open request per recording").isEqualTo(409);
        var rejected = leader.post("/api/callcenter/recordings/deletions/" + own.json().path("id").asLong() + "/reject",
                Map.of("version", 0));
        assertThat(rejected.status()).isEqualTo(403);
        // the manager withdraws nothing itself; a second request by the team leader is approved by the manager
        jdbc.sql("update cc_recording_deletion set status = 'REJECTED' where id = ?").param(own.json().path("id").asLong()).update();

        var asked = leader.post("/api/callcenter/recordings/deletions", Map.of("callId", id, "reason", "当事人依法申请删除"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var approved = manager.post("/api/callcenter/recordings/deletions/" + asked.json().path("id").asLong() + "/approve",
                Map.of("version", asked.json().path("version").asInt()));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("bytesFreed").asLong()).isEqualTo(4000);

        assertThat(Files.exists(fileOf(id))).as("the file left storage").isFalse();
        JsonNode fate = manager.get("/api/callcenter/recordings/calls/" + id).json();
        assertThat(fate.path("hasRecording").asBoolean()).isFalse();
        assertThat(fate.path("removedBy").asString()).isEqualTo("manager");
        assertThat(fate.path("removedAt").isNull()).isFalse();
        JsonNode request = fate.path("requests").get(1);
        assertThat(request.path("reason").asString()).isEqualTo("当事人依法申请删除");
        assertThat(request.path("requestedBy").asString()).isEqualTo("teamleader1");
        assertThat(request.path("decidedBy").asString()).isEqualTo("manager");
        assertThat(jdbc.sql("select count(*) from cc_call where id = ?").param(id).query(Long.class).single())
                .as("the call record stays").isEqualTo(1);
        assertThat(leader.get("/api/callcenter/calls/" + id + "/recording").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'callcenter.recording-deletion.approved' and target = ?")
                .param("call:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void retentionRemovesOnlyRecordingsOlderThanTheirRule() throws Exception {
        String oldInbound = call("INBOUND", 40, 1000);
        String youngInbound = call("INBOUND", 10, 1000);
        String oldOutbound = call("OUTBOUND", 40, 1000);
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        JsonNode inbound = null;
        for (JsonNode r : sysadmin.get("/api/callcenter/recordings/retention").json()) {
            if (r.path("direction").asString().equals("INBOUND")) {
                inbound = r;
            }
        }
        assertThat(sysadmin.put("/api/callcenter/recordings/retention/INBOUND",
                Map.of("days", 0, "version", inbound.path("version").asInt())).status()).isEqualTo(422);
        assertThat(sysadmin.put("/api/callcenter/recordings/retention/INBOUND",
                Map.of("days", 30, "version", inbound.path("version").asInt())).status()).isEqualTo(200);
        assertThat(ApiClient.loggedIn(port, "manager").post("/api/callcenter/recordings/retention/run", null).status())
                .isEqualTo(403);

        clock.advance(Duration.ofHours(1));
        var run = sysadmin.post("/api/callcenter/recordings/retention/run", null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("deleted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.json().path("bytesFreed").asLong()).isGreaterThanOrEqualTo(1000);

        assertThat(Files.exists(fileOf(oldInbound))).isFalse();
        assertThat(Files.exists(fileOf(youngInbound))).isTrue();
        assertThat(Files.exists(fileOf(oldOutbound))).as("outbound has no rule").isTrue();
        assertThat(jdbc.sql("select recording_removed_by from cc_call where id = ?").param(oldInbound)
                .query(String.class).single()).isEqualTo("保留期满自动删除");
        List<Long> runs = sysadmin.get("/api/callcenter/recordings/retention/runs").json().findValues("id").stream()
                .map(JsonNode::asLong).toList();
        assertThat(runs).contains(run.json().path("id").asLong());
    }
}
