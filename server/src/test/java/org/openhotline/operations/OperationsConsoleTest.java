package org.openhotline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operations console's API: the health of every part, alarm rules edited with validation and a version check,
 * a base backup taken and listed beside the WAL archive, and the daily inspection report as a .docx with its checks.
 */
@HotlineTest
class OperationsConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthShowsEveryPartWithItsMeasures() {
        ApiClient admin = ApiClient.loggedIn(port, "sysadmin");
        var r = admin.get("/api/ops/health");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> parts = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (JsonNode part : r.json().get("parts")) {
            parts.add(part.get("name").asString());
            part.get("measures").forEach(m -> metrics.add(m.get("metric").asString() + ":" + m.get("subject").asString()));
        }
        assertThat(parts).contains("数据库", "磁盘", "语音", "队列", "证书", "备份");
        assertThat(metrics).contains("db.up:", "db.connections.pct:", "db.size.mb:", "db.replication.lag:", "disk.free.pct:data",
                "disk.free.pct:recordings", "trunk.up:ops-probe", "phones.registered:", "rtp.ports.pct:", "events.backlog.age:",
                "exchange.pending:", "exchange.dead:", "sms.pending:", "cert.days:");
        JsonNode db = measure(r.json(), "db.up");
        assertThat(db.get("value").asDouble()).isEqualTo(1.0);
        assertThat(db.get("state").asString()).isEqualTo("OK");
        // the standby's lag cannot be measured on a single node: shown as unknown, not as zero
        assertThat(measure(r.json(), "db.replication.lag").get("state").asString()).isEqualTo("UNKNOWN");
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/ops/health").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "secadmin").get("/api/ops/health").status()).isEqualTo(403);
    }

    @Test
    void alarmRulesAreValidatedAndGuardedByTheirVersion() {
        ApiClient admin = ApiClient.loggedIn(port, "sysadmin");
        JsonNode rule = null;
        for (JsonNode r : admin.get("/api/ops/alarm-rules").json()) {
            if (r.get("metric").asString().equals("db.connections.pct")) rule = r;
        }
        assertThat(rule).isNotNull();
        long id = rule.get("id").asLong();
        int version = rule.get("version").asInt();
        var bad = admin.put("/api/ops/alarm-rules/" + id, form("no.such.metric", 85, 300, "MAJOR", version));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.detail()).contains("监控指标无效");
        assertThat(admin.put("/api/ops/alarm-rules/" + id, form("db.connections.pct", 85, -1, "MAJOR", version)).detail())
                .contains("持续时间");
        assertThat(admin.put("/api/ops/alarm-rules/" + id, form("db.connections.pct", 85, 300, "HUGE", version)).status()).isEqualTo(422);
        var saved = admin.put("/api/ops/alarm-rules/" + id, form("db.connections.pct", 90, 300, "MAJOR", version));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("threshold").asDouble()).isEqualTo(90.0);
        var stale = admin.put("/api/ops/alarm-rules/" + id, form("db.connections.pct", 95, 300, "MAJOR", version));
        assertThat(stale.status()).isEqualTo(409);
        var restored = admin.put("/api/ops/alarm-rules/" + id, form("db.connections.pct", rule.get("threshold").asDouble(), 300,
                "MAJOR", version + 1));
        assertThat(restored.status()).isEqualTo(200);
        assertThat(ApiClient.loggedIn(port, "manager").put("/api/ops/alarm-rules/" + id,
                form("db.connections.pct", 80, 300, "MAJOR", version + 2)).status()).isEqualTo(403);
    }

    private static Map<String, Object> form(String metric, double threshold, int duration, String severity, int version) {
        return Map.of("metric", metric, "name", "数据库连接数占用过高", "comparison", "GT", "threshold", threshold,
                "durationSeconds", duration, "severity", severity, "enabled", true, "version", version);
    }

    @Test
    void aBaseBackupIsTakenAndListedBesideTheArchivedWal() throws Exception {
        ApiClient admin = ApiClient.loggedIn(port, "sysadmin");
        var taken = admin.post("/api/ops/backups", Map.of());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        Path file = Path.of(taken.json().get("file").asString());
        assertThat(file).exists();
        assertThat(Files.size(file)).isEqualTo(taken.json().get("sizeBytes").asLong()).isGreaterThan(1_000_000);
        var listed = admin.get("/api/ops/backups").json();
        assertThat(listed.get("backups").valueStream().map(b -> b.get("file").asString())).contains(file.toString());
        // pg_backup_stop waited until the WAL the backup needs was archived
        assertThat(listed.get("walArchive").get("segments").asLong()).isPositive();
        List<String> names = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) names.add(e.getName());
        }
        assertThat(names).contains("backup_label", "PG_VERSION", "global/pg_control").doesNotContain("postmaster.pid");
        assertThat(ApiClient.loggedIn(port, "agent1").post("/api/ops/backups", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theDailyInspectionReportIsKeptListedAndListsItsChecks() throws Exception {
        ApiClient admin = ApiClient.loggedIn(port, "sysadmin");
        var generated = admin.post("/api/ops/reports?kind=DAILY", Map.of());
        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
        long id = generated.json().get("id").asLong();
        assertThat(admin.get("/api/ops/reports").json().valueStream().map(r -> r.get("id").asLong())).contains(id);
        var file = admin.get("/api/ops/reports/" + id + "/download");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition").orElseThrow()).contains(".docx");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
            XWPFTable checks = doc.getTables().stream().filter(t -> t.getRow(0).getCell(1).getText().equals("巡检项"))
                    .findFirst().orElseThrow();
            List<String> items = new ArrayList<>();
            for (int i = 1; i < checks.getNumberOfRows(); i++) {
                items.add(checks.getRow(i).getCell(1).getText() + "=" + checks.getRow(i).getCell(4).getText());
            }
            assertThat(items).contains("数据库可用=正常").anyMatch(s -> s.startsWith("中继 ops-probe="))
                    .anyMatch(s -> s.startsWith("数据目录剩余空间"));
            assertThat(doc.getParagraphs().stream().map(p -> p.getText())).anyMatch(t -> t.contains("日常巡检报告"))
                    .anyMatch(t -> t.startsWith("共巡检 "));
        }
        var weekly = admin.post("/api/ops/reports?kind=WEEKLY", Map.of());
        assertThat(weekly.status()).as(weekly.body()).isEqualTo(200);
        assertThat(admin.post("/api/ops/reports?kind=MONTHLY", Map.of()).status()).isEqualTo(400);
    }

    private static JsonNode measure(JsonNode health, String metric) {
        for (JsonNode part : health.get("parts")) {
            for (JsonNode m : part.get("measures")) {
                if (m.get("metric").asString().equals(metric)) return m;
            }
        }
        throw new AssertionError(metric + " not measured");
    }
}
