package org.openhotline.callcenter.internal.recordings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention rules per call direction: a recording older than its direction's days is removed by the nightly sweep
 * (or one run by the administrator). "Older" is measured from the call's arrival against the injected clock.
 */
@Service
class RecordingRetention {

    record Rule(String direction, Integer days, int version) {}

    record Run(long id, OffsetDateTime ranAt, int deleted, long bytesFreed, int failures, String byActor) {}

    /** At most this many recordings per sweep and direction: a first run on years of calls must not hold one huge transaction. */
    static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final RecordingFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    RecordingRetention(JdbcClient jdbc, RecordingFiles files, ApplicationEventPublisher events, Clock clock,
                       TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    List<Rule> rules() {
        return jdbc.sql("select direction, days, version from cc_recording_retention order by direction")
                .query(Rule.class).list();
    }

    @Transactional
    Rule save(String direction, Integer days, int version) {
        if (days != null && (days < 1 || days > 36500)) {
            throw DomainException.invalid("保留天数应在 1 到 36500 之间，留空表示永久保留");
        }
        int rows = jdbc.sql("update cc_recording_retention set days = ?, version = version + 1 where direction = ? and version = ?")
                .params(days, direction, version).update();
        if (rows == 0) {
            rules().stream().filter(r -> r.direction().equals(direction)).findFirst()
                    .orElseThrow(() -> DomainException.notFound("没有这种通话类型：" + direction));
            throw DomainException.conflict("保留规则已被他人修改，请刷新后重试");
        }
        events.publishEvent(new RecordingRemoved("callcenter.recording-retention.saved", "recording-retention:" + direction,
                null, days == null ? Map.of("days", "永久") : Map.of("days", days)));
        return rules().stream().filter(r -> r.direction().equals(direction)).findFirst().orElseThrow();
    }

    List<Run> runs() {
        return jdbc.sql("select id, ran_at, deleted, bytes_freed, failures, by_actor from cc_recording_retention_run order by ran_at desc, id desc limit 60")
                .query(Run.class).list();
    }

    @Scheduled(cron = "${hotline.callcenter.recording-retention-cron:0 20 3 * * *}", zone = "${hotline.time-zone}")
    void nightly() {
        // Through the template: a call from inside the bean passes no proxy, so sweep()'s @Transactional would not
        // apply and a run's row updates, run record and audit entry would commit one statement at a time.
        tx.executeWithoutResult(status -> sweep("retention"));
    }

    /** Removes every recording past its rule; answers the run as written down. */
    @Transactional
    Run sweep(String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int deleted = 0;
        int failures = 0;
        long bytes = 0;
        for (Rule rule : rules()) {
            if (rule.days() == null) {
                continue;
            }
            List<String> due = jdbc.sql("""
                    select id from cc_call where direction = ? and recording_path is not null and arrived_at < ?
                     order by arrived_at limit %d""".formatted(BATCH))
                    .params(rule.direction(), now.minusDays(rule.days())).query(String.class).list();
            for (String callId : due) {
                try {
                    long freed = files.remove(callId, "保留期满自动删除", now);
                    if (freed >= 0) {
                        deleted++;
                        bytes += freed;
                    }
                } catch (RuntimeException e) {
                    failures++;
                }
            }
        }
        long id = jdbc.sql("""
                insert into cc_recording_retention_run (ran_at, deleted, bytes_freed, failures, by_actor)
                values (?, ?, ?, ?, ?) returning id""").params(now, deleted, bytes, failures, actor)
                .query(Long.class).single();
        events.publishEvent(new RecordingRemoved("callcenter.recording-retention.swept", "recording-retention:" + id,
                "retention".equals(actor) ? "system" : null, Map.of("deleted", deleted, "bytes", bytes, "failures", failures)));
        return new Run(id, now, deleted, bytes, failures, actor);
    }
}
