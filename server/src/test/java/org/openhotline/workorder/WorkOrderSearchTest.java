package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chinese free text, filters, paging and the Excel export. */
@HotlineTest
class WorkOrderSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openhotline.calendar.BusinessCalendar calendar;

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void findsTwoCharacterWordsLongerPhrasesAddressesAndCallerNames() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent8");
        String tag = "检索" + System.nanoTime() % 100000;
        var body = f.order(tag + " 楼下烧烤摊油烟很大，晚上噪音扰民");
        body.put("address", "西山区翠屏路88号锦绣花园");
        body.put("callerName", "欧阳先生");
        long id = f.create(agent, body).path("id").asLong();
        long other = f.created(agent, tag + " 路灯坏了");

        assertThat(ids(agent, tag + " 油烟")).containsExactly(id);
        assertThat(ids(agent, tag + " 噪音扰民")).containsExactly(id);
        assertThat(ids(agent, tag + " 锦绣花园")).containsExactly(id);
        assertThat(ids(agent, tag + " 欧阳")).containsExactly(id);
        assertThat(ids(agent, tag)).containsExactlyInAnyOrder(id, other);
        assertThat(ids(agent, tag + " 扰民噪音")).isEmpty();
        String number = f.detail(agent, id).path("number").asString();
        assertThat(ids(agent, number)).containsExactly(id);
    }

    @Test
    void filtersCombineAndPagesAreStable() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent8");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        String tag = "筛选" + System.nanoTime() % 100000;
        var consult = f.order(tag + " 咨询");
        consult.put("appealType", "CONSULTATION");
        consult.put("channel", "WECHAT");
        long c = f.create(agent, consult).path("id").asLong();
        long complaint = f.created(agent, tag + " 投诉");
        f.dispatch(dispatcher, complaint, "CGJ");

        assertThat(ids(agent, tag, "&appealType=CONSULTATION")).containsExactly(c);
        assertThat(ids(agent, tag, "&channel=WECHAT")).containsExactly(c);
        assertThat(ids(agent, tag, "&state=HANDLING")).containsExactly(complaint);
        assertThat(ids(agent, tag, "&unitId=" + f.unit("CGJ"))).containsExactly(complaint);
        assertThat(ids(agent, tag, "&state=HANDLING&state=PENDING_DISPATCH")).containsExactlyInAnyOrder(c, complaint);
        assertThat(ids(agent, tag, "&from=2000-01-01&to=2000-01-02")).isEmpty();
        var page1 = agent.get("/api/work-orders?q=" + q(tag) + "&size=1&page=1&sort=created_asc").json();
        var page2 = agent.get("/api/work-orders?q=" + q(tag) + "&size=1&page=2&sort=created_asc").json();
        assertThat(page1.path("total").asLong()).isEqualTo(2);
        assertThat(page1.path("items").get(0).path("id").asLong()).isEqualTo(c);
        assertThat(page2.path("items").get(0).path("id").asLong()).isEqualTo(complaint);
    }

    @Test
    void sortsByTheDeadlineItShowsAndFiltersByLight() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent8");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        String tag = "期限" + System.nanoTime() % 100000;
        long dispatched = f.created(agent, tag + " 已派单");
        f.dispatch(dispatcher, dispatched, "CGJ");
        long waiting = f.created(agent, tag + " 待派单");

        var items = agent.get("/api/work-orders?size=50&sort=due_asc&q=" + q(tag)).json().path("items");
        assertThat(items).hasSize(2);
        java.time.Instant first = java.time.Instant.parse(items.get(0).path("dueAt").asString());
        java.time.Instant second = java.time.Instant.parse(items.get(1).path("dueAt").asString());
        assertThat(first).isBefore(second); // the dispatch deadline (hours) before the handling deadline (days)
        assertThat(items.get(0).path("id").asLong()).isEqualTo(waiting);
        for (var item : items) { // the stored due date is the one shown
            assertThat(jdbc.sql("select due_at from work_order where id = ?").param(item.path("id").asLong())
                    .query(java.time.OffsetDateTime.class).single().toInstant())
                    .isEqualTo(java.time.Instant.parse(item.path("dueAt").asString()));
        }

        // Time passes for this order only: its timers fire past the unit's handling deadline and the light turns red
        // the way the sweep turns it (not set by hand, which would only find what the test wrote).
        var handleDue = java.time.Instant.parse(
                f.detail(dispatcher, dispatched).path("assignments").get(0).path("handleDueAt").asString());
        assertThat(ids(agent, tag, "&light=RED")).isEmpty();
        assertThat(f.fireTimersOf(calendar, dispatched, handleDue.plusSeconds(1))).isPositive();
        assertThat(ids(agent, tag, "&light=RED")).containsExactly(dispatched);
        assertThat(ids(agent, tag, "&overdue=true&sort=due_asc")).containsExactly(dispatched);
        assertThat(ids(agent, tag, "&light=YELLOW")).isEmpty();
        assertThat(ids(agent, tag, "&light=RED&overdue=true&state=HANDLING")).containsExactly(dispatched);
        assertThat(ids(agent, tag, "&light=GREEN")).containsExactly(waiting);
        var red = agent.get("/api/work-orders?size=1&light=RED").json();
        assertThat(red.path("total").asLong()).isPositive();
        assertThat(red.path("items").get(0).path("light").asString()).isEqualTo("RED");
    }

    @Test
    void exportsTheSearchToExcel() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent8");
        String tag = "导出" + System.nanoTime() % 100000;
        f.created(agent, tag + " 第一张");
        f.created(agent, tag + " 第二张");
        var r = agent.get("/api/work-orders/export?q=" + q(tag));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(ExcelSheets.XLSX.toString());
        var rows = ExcelSheets.read(new ByteArrayInputStream(r.bytes()));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cell(2)).isEqualTo("待派单");
        assertThat(rows.get(0).cell(10)).contains("****");
    }

    private List<Long> ids(ApiClient client, String text) {
        return ids(client, text, "");
    }

    private List<Long> ids(ApiClient client, String text, String filters) {
        var r = client.get("/api/work-orders?size=50&q=" + q(text) + filters);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
