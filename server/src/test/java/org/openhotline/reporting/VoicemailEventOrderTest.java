package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.MissedCallEvents.MissedCallRecorded;
import org.openhotline.callcenter.MissedCallEvents.MissedCallResolved;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A voicemail joins a callback task and the task closes: two events the reporting listeners receive on threads of
 * their own, so under load the close can be handled first (a suite run under {@code stress-ng} left a voicemail 未处理
 * that way). Whatever the order, the voicemail ends 已处理 at the task's close. Only reporting listens to these two
 * events; the task and call ids are this test's own (far above any real one).
 */
@HotlineTest
class VoicemailEventOrderTest {

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
        events().awaitHandled("taskId", id);
    }

    private Instant handledAt(String callId) {
        return jdbc.sql("select handled_at from rpt_voicemail_fact where voicemail_id = ?").param(callId)
                .query(Instant.class).optional().orElse(null);
    }

    @Test
    void aTaskThatClosedBeforeItsVoicemailJoinedStillHandlesIt() {
        long task = 900_000_000L + Math.floorMod(System.nanoTime(), 99_000_000L);
        String call = "vm-order-" + task;
        Instant left = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant closed = left.plusSeconds(3600);

        publish(new MissedCallResolved(task, "GOT_THROUGH", left, closed));
        awaitHandled(task);
        publish(new MissedCallRecorded(task, call, "VOICEMAIL", true, left));
        awaitHandled(task);
        assertThat(handledAt(call)).as("handled at the task's close").isEqualTo(closed);

        // and in the usual order, with a second close of the same task changing nothing
        long task2 = task + 1;
        String call2 = call + "-2";
        publish(new MissedCallRecorded(task2, call2, "VOICEMAIL", true, left));
        awaitHandled(task2);
        assertThat(handledAt(call2)).isNull();
        publish(new MissedCallResolved(task2, "CALLED_BACK", left, closed));
        awaitHandled(task2);
        assertThat(handledAt(call2)).isEqualTo(closed);
        publish(new MissedCallResolved(task2, "CALLED_BACK", left, closed.plusSeconds(60)));
        awaitHandled(task2);
        assertThat(handledAt(call2)).isEqualTo(closed);
    }
}
