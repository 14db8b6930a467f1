package org.openhotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
        ApiClient.loggedIn(port, "manager");
        // The application's role has no such right (the owner role hits the append-only trigger: DatabaseRolesTest).
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void eachRecordHasTimeActorSourceActionTargetAndResult() {
        ApiClient.loggedIn(port, "leader");
        var page = ApiClient.loggedIn(port, "auditadmin").get("/api/audit?actor=leader&action=auth.login").json();
        var record = page.path("items").get(0);
        assertThat(record.path("at").asString()).isNotBlank();
        assertThat(record.path("sourceIp").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(record.path("target").asString()).isEqualTo("account:leader");
        assertThat(record.path("result").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void theAuditAdminExportsTheTrailToExcel() {
        ApiClient.loggedIn(port, "kbeditor1");
        var response = ApiClient.loggedIn(port, "auditadmin").get("/api/audit/export?actor=kbeditor1");
        assertThat(response.status()).isEqualTo(200);
        var rows = ExcelSheets.read(new ByteArrayInputStream(response.bytes()));
        assertThat(rows).isNotEmpty();
        assertThat(rows.getFirst().cell(2)).isEqualTo("kbeditor1");
        assertThat(rows.getFirst().cell(6)).isEqualTo("成功");
    }
}
