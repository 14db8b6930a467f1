package org.openhotline.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class OrganizationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long count(String kind) {
        return jdbc.sql("select count(*) from org_node where kind = ?").param(kind).query(Long.class).single();
    }

    @Test
    void theDemoCityIsBigEnoughToFeelReal() {
        assertThat(count("DISTRICT")).isGreaterThanOrEqualTo(6);
        assertThat(count("STREET")).isGreaterThanOrEqualTo(30);
        assertThat(count("UNIT")).isGreaterThanOrEqualTo(40);
        long withDuties = jdbc.sql("select count(*) from org_node where kind = 'UNIT' and length(duties) > 5")
                .query(Long.class).single();
        assertThat(withDuties).isGreaterThanOrEqualTo(40);
    }

    @Test
    void yellowPagesFindUnitsByDuty() {
        var agent = ApiClient.loggedIn(port, "agent1");
        var found = agent.get("/api/org/nodes?kind=UNIT&q=" + java.net.URLEncoder.encode("燃气泄漏", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(found.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(found.path("items").get(0).path("name").asString()).isEqualTo("江州市燃气集团有限公司");
    }

    @Test
    void aUnitSeesItsOwnSubtreeAndNeverASibling() {
        var unit = ApiClient.loggedIn(port, "cgj1");
        String tree = unit.get("/api/org/tree").body();
        assertThat(tree).contains("江州市城市管理局", "江州市城市管理综合执法支队").doesNotContain("江州市住房和城乡建设局");
        long zjj = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        assertThat(unit.get("/api/org/nodes/" + zjj).status()).isEqualTo(404);
        var search = unit.get("/api/org/nodes?q=" + java.net.URLEncoder.encode("住房", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(search.path("total").asLong()).isZero();
    }

    @Test
    void theSystemAdminCreatesEditsAndDisablesAUnitAndEachStepIsAudited() {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        var created = sysadmin.post("/api/org/nodes", Map.of("parentId", city, "kind", "UNIT", "code", "T-LYJ",
                "name", "江州市林业局", "duties", "林木采伐、森林防火", "contactPhone", "0771-1234567"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        int version = created.json().path("version").asInt();
        var edited = sysadmin.put("/api/org/nodes/" + id, Map.of("name", "江州市林业和园林局", "duties", "林木采伐、森林防火、古树名木保护",
                "version", version));
        assertThat(edited.status()).isEqualTo(200);
        var stale = sysadmin.put("/api/org/nodes/" + id, Map.of("name", "旧名字", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("已被他人修改");
        assertThat(sysadmin.post("/api/org/nodes/" + id + "/disable", null).status()).isEqualTo(204);
        var actions = jdbc.sql("select action from audit_event where target = 'org:T-LYJ' and actor = 'sysadmin' order by id")
                .query(String.class).list();
        assertThat(actions).containsExactly("org.created", "org.updated", "org.disabled");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long street = jdbc.sql("select id from org_node where code = 'DH-S01'").query(Long.class).single();
        var wrongKind = sysadmin.post("/api/org/nodes", Map.of("parentId", street, "kind", "DISTRICT", "code", "T-BAD", "name", "错误的区"));
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.detail()).contains("下不能直接设立");
        var missing = sysadmin.post("/api/org/nodes", Map.of("kind", "UNIT", "code", "T-BAD2"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").path("name").asString()).isEqualTo("请填写名称");
        var duplicate = sysadmin.post("/api/org/nodes", Map.of("parentId", street, "kind", "UNIT", "code", "ZJJ", "name", "重复"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from org_node where code like 'T-BAD%'").query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheSystemAdminChangesTheTree() {
        var manager = ApiClient.loggedIn(port, "manager");
        var refused = manager.post("/api/org/nodes", Map.of("parentId", 1, "kind", "UNIT", "code", "T-NO", "name", "不许"));
        assertThat(refused.status()).isEqualTo(403);
    }
}
