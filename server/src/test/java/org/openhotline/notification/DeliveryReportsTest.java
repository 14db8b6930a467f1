package org.openhotline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhotline.notification.internal.outbox.DeliveryReports;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Status reports that arrive together are written together ({@link DeliveryReports#recordLater}): each answer
 * completes once its report is stored, a part reported twice in one write keeps its last report, and a message is
 * settled when all its parts are reported, as when every report was written on its own.
 */
@HotlineTest
class DeliveryReportsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryReports reports;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void reportsArrivingTogetherAreStoredTogetherAndSettleTheirMessages() throws Exception {
        long delivered = sent("delivered");
        long failed = sent("failed");
        part("d1", delivered);
        part("d2", delivered);
        part("f1", failed);
        part("f2", failed);

        List<CompletableFuture<Void>> answers = new ArrayList<>();
        // a part reported again and again while one write runs: the next write holds it many times
        for (int i = 0; i < 200; i++) {
            answers.add(reports.recordLater(id("d1"), i < 199 ? "UNKNOWN" : "DELIVRD"));
        }
        answers.add(reports.recordLater(id("d2"), "DELIVRD"));
        answers.add(reports.recordLater(id("f1"), "DELIVRD"));
        answers.add(reports.recordLater(id("f2"), "UNDELIV"));
        // reports that overtook the sender's own record of the parts (no message yet)
        for (int i = 0; i < 300; i++) {
            answers.add(reports.recordLater(id("early" + i), "DELIVRD"));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(state(delivered)).isEqualTo("DELIVERED");
        assertThat(state(failed)).isEqualTo("UNDELIVERED");
        assertThat(jdbc.sql("select stat from ntf_outbox_part where msg_id = ?").param(id("d1")).query(String.class).single())
                .isEqualTo("DELIVRD");
        assertThat(jdbc.sql("select count(*) from ntf_outbox_part where msg_id like ? and stat = 'DELIVRD' and outbox_id is null")
                .param(run + "-early%").query(Long.class).single()).isEqualTo(300);
    }

    private String id(String part) {
        return run + "-" + part;
    }

    private long sent(String what) {
        Instant now = Instant.now();
        return jdbc.sql("""
                insert into ntf_outbox (dedup_key, purpose, phone, phone_index, template_code, content, state,
                                        next_attempt_at, created_at, sent_at)
                values (?, 'RECEIPT', ?, ?, 'ORDER_RECEIPT', '测试短信', 'SENT', ?, ?, ?) returning id""")
                .params("reports:" + run + ":" + what, PersonalData.seal("13800000000"), PersonalData.phoneIndex("13800000000"),
                        Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    private void part(String part, long outboxId) {
        jdbc.sql("insert into ntf_outbox_part (msg_id, outbox_id) values (?, ?)").params(id(part), outboxId).update();
    }

    private String state(long outboxId) {
        return jdbc.sql("select state from ntf_outbox where id = ?").param(outboxId).query(String.class).single();
    }
}
