package org.openhotline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Swap and leave requests from asking to approval, and a team leader's data scope: it sees and decides the requests
 * of its own team's agents only and edits only their cells; an approved swap exchanges the two cells, an approved
 * leave takes the agent's shift off. A roster job can be cancelled: nothing is saved.
 */
@HotlineTest
class RosterRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> madeTeams = new ArrayList<>();
    private final Map<Long, Long> formerTeam = new HashMap<>();
    private Long roster;

    @AfterEach
    void cleanUp() {
        formerTeam.forEach((agent, team) -> jdbc.sql("update cc_agent set team_id = ? where account_id = ?").params(team, agent).update());
        var admin = ApiClient.loggedIn(port, "sysadmin");
        madeTeams.forEach(id -> assertThat(admin.delete("/api/callcenter/teams/" + id).status()).isEqualTo(204));
        if (roster != null) {
            jdbc.sql("delete from wf_request where roster_id = ? or first_day between date '2020-05-01' and date '2020-05-31'")
                    .param(roster).update();
            jdbc.sql("delete from wf_roster where id = ?").param(roster).update();
        }
    }

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private void team(String name, Long leader, String... agents) {
        var admin = ApiClient.loggedIn(port, "sysadmin");
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("leaderId", leader);
        var created = admin.post("/api/callcenter/teams", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        madeTeams.add(id);
        List<Long> members = new ArrayList<>();
        for (String a : agents) {
            long account = idOf(a);
            formerTeam.putIfAbsent(account, jdbc.sql("select team_id from cc_agent where account_id = ?").param(account)
                    .query(Long.class).optional().orElse(null));
            members.add(account);
        }
        var set = admin.put("/api/callcenter/teams/" + id + "/members", Map.of("members", members));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private String cell(long agent, String day) {
        return jdbc.sql("select shift_code from wf_roster_shift where roster_id = ? and account_id = ? and day = ?")
                .params(roster, agent, LocalDate.parse(day)).query(String.class).optional().orElse(null);
    }

    @Test
    void aTeamLeaderDecidesItsOwnTeamsSwapWhileTheManagerApprovesAnotherTeamsLeave() {
        long four = idOf("agent4");
        long five = idOf("agent5");
        long six = idOf("agent6");
        roster = jdbc.sql("""
                insert into wf_roster (month, status, created_by, created_at) values (date '2020-05-01', 'PUBLISHED', ?, now())
                returning id""").param(idOf("manager")).query(Long.class).single();
        String[][] cells = {{"" + four, "2020-05-12", "A"}, {"" + five, "2020-05-12", "E"}, {"" + six, "2020-05-13", "M"}};
        for (String[] c : cells) {
            jdbc.sql("insert into wf_roster_shift (roster_id, account_id, day, shift_code) values (?, ?, ?, ?)")
                    .params(roster, Long.parseLong(c[0]), LocalDate.parse(c[1]), c[2]).update();
        }
        team("排班测试甲班", idOf("teamleader1"), "agent4", "agent5");
        team("排班测试乙班", null, "agent6");

        var swap = ApiClient.loggedIn(port, "agent4").post("/api/workforce/requests",
                Map.of("kind", "SWAP", "partnerId", five, "rosterId", roster, "firstDay", "2020-05-12", "reason", "家中有事"));
        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
        long swapId = swap.json().path("id").asLong();
        var leave = ApiClient.loggedIn(port, "agent6").post("/api/workforce/requests",
                Map.of("kind", "LEAVE", "firstDay", "2020-05-13", "reason", "病假"));
        assertThat(leave.status()).as(leave.body()).isEqualTo(201);
        long leaveId = leave.json().path("id").asLong();

        var leader = ApiClient.loggedIn(port, "teamleader1");
        JsonNode listed = leader.get("/api/workforce/requests?status=PENDING").json();
        List<Long> seen = new ArrayList<>();
        listed.forEach(r -> seen.add(r.path("id").asLong()));
        assertThat(seen).contains(swapId).doesNotContain(leaveId);
        var foreign = leader.post("/api/workforce/requests/" + leaveId + "/decision", Map.of("approve", true));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.detail()).isEqualTo("只能处理本班组坐席的排班与申请");
        int version = leader.get("/api/workforce/rosters/" + roster).json().path("version").asInt();
        var foreignCell = leader.put("/api/workforce/rosters/" + roster + "/cells",
                Map.of("accountId", six, "day", "2020-05-20", "shiftCode", "M", "version", version));
        assertThat(foreignCell.status()).isEqualTo(403);
        var ownCell = leader.put("/api/workforce/rosters/" + roster + "/cells",
                Map.of("accountId", four, "day", "2020-05-20", "shiftCode", "M", "version", version));
        assertThat(ownCell.status()).as(ownCell.body()).isEqualTo(200);

        // the swap: agent4 takes 晚班, agent5 早班; a second decision is refused
        var approved = leader.post("/api/workforce/requests/" + swapId + "/decision", Map.of("approve", true, "note", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(cell(four, "2020-05-12")).isEqualTo("E");
        assertThat(cell(five, "2020-05-12")).isEqualTo("A");
        assertThat(leader.post("/api/workforce/requests/" + swapId + "/decision", Map.of("approve", false)).status()).isEqualTo(409);
        var mine = ApiClient.loggedIn(port, "agent5").get("/api/workforce/requests/mine").json();
        assertThat(mine.toString()).contains("\"id\":" + swapId).contains("APPROVED");

        // the leave, by the manager: agent6's shift is taken off that day
        var manager = ApiClient.loggedIn(port, "manager");
        assertThat(manager.get("/api/workforce/requests?status=PENDING").body()).contains("\"id\":" + leaveId);
        var leaveApproved = manager.post("/api/workforce/requests/" + leaveId + "/decision", Map.of("approve", true));
        assertThat(leaveApproved.status()).as(leaveApproved.body()).isEqualTo(200);
        assertThat(cell(six, "2020-05-13")).isNull();

        // a rejected wish changes nothing
        var wish = ApiClient.loggedIn(port, "agent5").post("/api/workforce/requests",
                Map.of("kind", "WISH_OFF", "firstDay", "2020-05-14", "reason", "想休息"));
        long wishId = wish.json().path("id").asLong();
        assertThat(leader.post("/api/workforce/requests/" + wishId + "/decision", Map.of("approve", false, "note", "人手不足"))
                .status()).isEqualTo(200);
        assertThat(manager.get("/api/workforce/requests?status=REJECTED").body()).contains("\"id\":" + wishId);
    }

    @Test
    void aCancelledRosterJobSavesNothing() {
        var manager = ApiClient.loggedIn(port, "manager");
        long before = jdbc.sql("select count(*) from wf_roster where month = date '2031-09-01'").query(Long.class).single();
        var job = manager.post("/api/workforce/roster-jobs", Map.of("month", "2031-09"));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        long id = job.json().path("id").asLong();
        var second = manager.post("/api/workforce/roster-jobs", Map.of("month", "2031-10"));
        assertThat(second.status()).as("one job at a time").isEqualTo(409);
        var cancelled = manager.post("/api/workforce/roster-jobs/" + id + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        var ended = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> manager.get("/api/workforce/roster-jobs/" + id).json(), j -> !j.path("status").asString().equals("RUNNING"));
        assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ended.path("rosterId").isNull()).isTrue();
        assertThat(ended.path("elapsedMillis").asLong()).isLessThan(ended.path("limitMillis").asLong());
        assertThat(jdbc.sql("select count(*) from wf_roster where month = date '2031-09-01'").query(Long.class).single()).isEqualTo(before);
        assertThat(ApiClient.loggedIn(port, "teamleader1").post("/api/workforce/roster-jobs", Map.of("month", "2031-09")).status())
                .isEqualTo(403);
    }
}
