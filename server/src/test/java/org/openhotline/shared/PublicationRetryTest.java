package org.openhotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.SchemaOwner;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A listener that failed runs again while the platform runs (ADR 004, decision 9): reporting's listener of a new order,
 * refused by the database (a trigger standing in for a failover under it), leaves its publication FAILED and the
 * order without a report fact; once the database takes it again, the retry job brings the fact in and the
 * publication is gone (completed publications are deleted).
 */
@HotlineTest
class PublicationRetryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PublicationRetry retry;

    private long id;

    @Test
    void aReportingListenerRefusedByTheDatabaseRunsAgainOnceItTakesWritesAgain() throws Exception {
        try (Connection owner = SchemaOwner.connect(context); var ddl = owner.createStatement()) {
            ddl.execute("""
                    create or replace function test_refuse_fact() returns trigger language plpgsql as $$
                    begin raise exception 'test: the database refuses report facts'; end $$""");
            ddl.execute("create trigger test_refuse_fact before insert or update on rpt_order_fact"
                    + " for each row execute function test_refuse_fact()");
            try {
                var r = ApiClient.loggedIn(port, "agent9").post("/api/work-orders", Map.of("channel", "PHONE",
                        "appealType", "CONSULTATION", "content", "咨询公积金提取需要哪些材料", "callerName", "李先生"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                id = r.json().path("id").asLong();
                Wait.until("the reporting listener of order " + id + " failed", () -> lastFailure() != null,
                        Duration.ofSeconds(30), this::publications);
                String failedAt = lastFailure();
                assertThat(retry.retryNow()).as("nothing due yet").isZero();
                assertThat(lastFailure()).as("just failed: not due before one interval").isEqualTo(failedAt);
                assertThat(retry.retryAsOf(Instant.now().plus(Duration.ofMinutes(5)))).isEqualTo(1);
                Wait.until("the resubmitted listener failed again", () -> lastFailure() != null
                        && !lastFailure().equals(failedAt), Duration.ofSeconds(30), this::publications);
                assertThat(fact(id)).isZero();
            } finally {
                ddl.execute("drop trigger if exists test_refuse_fact on rpt_order_fact");
                ddl.execute("drop function if exists test_refuse_fact()");
            }
        }
        // intervals later: due again, and now the database takes it
        assertThat(retry.retryAsOf(Instant.now().plus(Duration.ofMinutes(30)))).isEqualTo(1);
        Wait.until("the retry job brought the fact of order " + id + " in", () -> fact(id) == 1 && lastFailure() == null,
                Duration.ofSeconds(30), this::publications);
    }

    private String publications() {
        return jdbc.sql("select status, completion_attempts, last_resubmission_date, listener_id, serialized_event from event_publication")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5))
                .list() + " facts " + jdbc.sql("select order_id || ':' || coalesce(number, '-') from rpt_order_fact order by order_id desc limit 5")
                .query(String.class).list() + " orders " + jdbc.sql("select id || ':' || number from work_order order by id desc limit 3")
                .query(String.class).list();
    }

    /** When reporting's FAILED publication was last tried (null while none is FAILED). */
    private String lastFailure() {
        return jdbc.sql("select max(last_resubmission_date)::text from event_publication where status = 'FAILED'"
                + " and listener_id like '%OrderFacts%' and serialized_event ~ ('\"workOrderId\":' || ? || '[,}]')")
                .param(id).query(String.class).optional().orElse(null); // max() of no row is null
    }

    private long fact(long id) {
        return jdbc.sql("select count(*) from rpt_order_fact where order_id = ?").param(id).query(Long.class).single();
    }
}
