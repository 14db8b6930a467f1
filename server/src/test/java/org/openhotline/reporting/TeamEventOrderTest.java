package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.TeamChanged;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A team's events reach the reporting listener on threads of their own, so they can arrive out of order: the team's
 * current members ({@code rpt_agent_team}) follow the newest version, whatever came last. Team and account ids are this
 * test's own (far above the demo's), so a rerun or another test cannot meet them.
 */
@HotlineTest
class TeamEventOrderTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private PublishedEvents events() {
        return new PublishedEvents(jdbc, events, transactions);
    }

    private void publish(Object e) {
        events().publish(e);
    }

    private void awaitHandled(long id) {
        events().awaitHandled("teamId", id);
    }

    private List<Long> members(long team) {
        return jdbc.sql("select account_id from rpt_agent_team where team_id = ? order by account_id").param(team)
                .query(Long.class).list();
    }

    @Test
    void anOlderEventArrivingLastDoesNotUndoANewerMembership() {
        long team = 900_000_000L + Math.floorMod(System.nanoTime(), 99_000_000L);
        long a = team * 10 + 1;
        long b = team * 10 + 2;
        Instant now = Instant.now();
        publish(new TeamChanged(team, "顺序班", null, List.of(a, b), "members-changed", now, 2));
        awaitHandled(team);
        assertThat(members(team)).containsExactly(a, b);

        // the team's "created" (version 0, no members yet) handled after its members were set
        publish(new TeamChanged(team, "顺序班", null, List.of(), "created", now.minusSeconds(1), 0));
        awaitHandled(team);
        assertThat(members(team)).as("a stale event must not empty the team").containsExactly(a, b);

        // a newer version still applies, and a deletion ends the team for good
        publish(new TeamChanged(team, "顺序班", null, List.of(b), "members-changed", now.plusSeconds(1), 3));
        awaitHandled(team);
        assertThat(members(team)).containsExactly(b);
        publish(new TeamChanged(team, "顺序班", null, List.of(), "deleted", now.plusSeconds(2), TeamChanged.FINAL));
        awaitHandled(team);
        publish(new TeamChanged(team, "顺序班", null, List.of(a), "members-changed", now.plusSeconds(1), 3));
        awaitHandled(team);
        assertThat(members(team)).isEmpty();
    }
}
