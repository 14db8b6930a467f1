package org.openhotline.notification.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the gateway's delivery reports per submitted part; a message is DELIVERED when every part is, and
 * UNDELIVERED when a part came back with any other status (the report's code stays on the part).
 * <p>
 * Reports over CMPP come as fast as messages go out (two per receipt of two parts): {@link #recordLater} writes
 * whatever has arrived while the previous write ran in one statement (one report alone when the link is quiet; no
 * waiting for a batch to fill), and the gateway acknowledges each report only once its write committed, so a report
 * is never acknowledged and lost (issue 14: two statements and two commits per portal submission fewer).
 */
@Component
public class DeliveryReports implements org.springframework.beans.factory.DisposableBean {

    /** Reports written in one statement at most. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sms-reports");
        t.setDaemon(true);
        return t;
    });

    private record Pending(String msgId, String stat, CompletableFuture<Void> written) {}

    DeliveryReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes one report now (a gateway that calls back over HTTP). */
    public void record(String msgId, String stat) {
        write(List.of(new Pending(msgId, stat, null)));
    }

    /** Queues a report for the next write; the answer completes when it is committed (or fails with the write). */
    public CompletableFuture<Void> recordLater(String msgId, String stat) {
        Pending p = new Pending(msgId, stat, new CompletableFuture<>());
        waiting.add(p);
        startWriting();
        return p.written();
    }

    private void startWriting() {
        if (writing.compareAndSet(false, true)) {
            writer.execute(this::writeWaiting);
        }
    }

    private void writeWaiting() {
        try {
            List<Pending> batch = new ArrayList<>();
            for (Pending p; batch.size() < BATCH && (p = waiting.poll()) != null; ) {
                batch.add(p);
            }
            while (!batch.isEmpty()) {
                try {
                    write(batch);
                    batch.forEach(p -> p.written().complete(null));
                } catch (RuntimeException e) {
                    batch.forEach(p -> p.written().completeExceptionally(e));
                }
                batch.clear();
                for (Pending p; batch.size() < BATCH && (p = waiting.poll()) != null; ) {
                    batch.add(p);
                }
            }
        } finally {
            writing.set(false);
            if (!waiting.isEmpty()) {
                startWriting(); // a report queued after the last poll, before the flag was down
            }
        }
    }

    private void write(List<Pending> reports) {
        Instant now = clock.instant();
        Map<String, String> latest = new LinkedHashMap<>(); // a part reported twice in one batch: its last report
        reports.forEach(p -> latest.put(p.msgId(), p.stat()));
        List<Long> outboxes = jdbc.sql("""
                insert into ntf_outbox_part (msg_id, stat, reported_at)
                select r.msg_id, r.stat, :now from unnest(cast(:ids as text[]), cast(:stats as text[])) as r(msg_id, stat)
                on conflict (msg_id) do update set stat = excluded.stat, reported_at = excluded.reported_at
                returning outbox_id""")
                .param("now", Timestamp.from(now)).param("ids", latest.keySet().toArray(String[]::new))
                .param("stats", latest.values().toArray(String[]::new))
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        List<Long> known = outboxes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!known.isEmpty()) {
            settle(jdbc, known, now);
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }

    static void settle(JdbcClient jdbc, Collection<Long> outboxIds, Instant now) {
        jdbc.sql("""
                update ntf_outbox o
                   set state = case when exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id
                                                  and p.stat <> 'DELIVRD') then 'UNDELIVERED' else 'DELIVERED' end,
                       reported_at = ?
                 where o.id in (:ids) and o.state = 'SENT'
                   and not exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id and p.stat is null)
                   and exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id)""".replace("?", ":now"))
                .param("now", Timestamp.from(now)).param("ids", outboxIds).update();
    }
}
