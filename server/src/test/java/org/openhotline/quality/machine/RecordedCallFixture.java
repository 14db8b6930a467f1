package org.openhotline.quality.machine;

import static org.openhotline.quality.machine.CallSignal.Side.AGENT;
import static org.openhotline.quality.machine.CallSignal.Side.CITIZEN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.openhotline.callcenter.CallRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recorded call as the call center leaves it: the call record (answered after 20 s of ringing, three transfer
 * steps), a 70 s hold in the agent's state log, and a stereo recording with 12 s of dead air from 30 s and the
 * citizen shouting from 50 s to 53 s; {@link #publishRecorded} announces it the way the call center does.
 */
record RecordedCallFixture(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {

    String recordedCall(Path dir) throws Exception {
        String id = "qc-" + UUID.randomUUID();
        long agent = jdbc.sql("select account_id from cc_agent order by account_id limit 1").query(Long.class).single();
        // Far in the past (no report, seat wall or QC plan of another test sees it), each call at its own time so that
        // the holds of one are not in the window of another: one of a million 200 s slots from 2010 to mid-2016, all
        // of them past. (Slots of 600 s from 2019 reached 2038, and one such call in May 2031 was the seventh call
        // QualityFlowTest's plan drew from a month it thought its own.)
        Instant answered = Instant.parse("2010-01-04T02:00:20Z")
                .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000) * 200);
        Instant ended = answered.plusSeconds(100);
        Path wav = dir.resolve(id + ".wav");
        Files.write(wav, new CallSignal(100).hiss(30)
                .speech(AGENT, 0, 6).speech(CITIZEN, 7, 20)
                .speech(AGENT, 21, 30) // then 12 s of dead air
                .speech(CITIZEN, 42, 50, 4, 2500).speech(CITIZEN, 50, 53, 4, 14000) // shouting for 3 s
                .speech(AGENT, 54, 66).speech(CITIZEN, 67, 80).speech(AGENT, 81, 95)
                .recording().toWav());
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into cc_call (id, caller, called, direction, arrived_at, offered_at, answered_at, ended_at,
                                         agent_id, transfer_chain, recording_path, recording_s)
                    values (?, '13900000000', '12345', 'INBOUND', ?, ?, ?, ?, ?, ?, ?, 100)""")
                    .params(id, Timestamp.from(answered.minusSeconds(30)), Timestamp.from(answered.minusSeconds(20)),
                            Timestamp.from(answered), Timestamp.from(ended), agent, "技能组2 → 坐席8002 → 技能组3",
                            wav.toString()).update();
            // A 70 s hold in the agent's state log during the call.
            jdbc.sql("""
                    insert into cc_agent_state_log (account_id, state, by_actor, started_at, ended_at)
                    values (?, 'HELD', 'test', ?, ?)""")
                    .params(agent, Timestamp.from(answered.plusSeconds(5)), Timestamp.from(answered.plusSeconds(75)))
                    .update();
        });
        return id;
    }

    void publishRecorded(String id) {
        String path = jdbc.sql("select recording_path from cc_call where id = ?").param(id).query(String.class).single();
        tx.executeWithoutResult(s -> events.publishEvent(new CallRecorded(id, path, 100_000, Instant.now())));
    }

}
