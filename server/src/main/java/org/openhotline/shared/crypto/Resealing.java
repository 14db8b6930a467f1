package org.openhotline.shared.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every sealed column to the current key, in batches of {@value #BATCH} rows, each in its own short
 * transaction, while the platform runs: at start-up (rows written before encryption was switched on are sealed and
 * get their blind index) and after {@link #rotate}. A row is rewritten only when one of its values is not sealed
 * under the current key (the select asks only for those), so a pass that was interrupted resumes where it stopped
 * and a second pass writes nothing. No row is locked for longer than its own update. Rows sealed under an older key keep opening during the pass: every ciphertext names its key.
 */
@Component
public class Resealing {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Resealing.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<SealedColumns> tables;
    private final PersonalDataKeys keys;
    private final DataKeyCheck checks;
    private final boolean atStart;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("resealing").factory());
    private volatile Progress progress = new Progress(0, "IDLE", null, null, Map.of(), 0, 0);
    /** The platform is stopping: a pass cut off now is not a failure (it resumes on the next start). */
    private volatile boolean stopping;

    Resealing(JdbcClient jdbc, TransactionTemplate tx, List<SealedColumns> tables, PersonalDataKeys keys,
              DataKeyCheck checks, @Value("${hotline.personal-data.reseal-at-start:true}") boolean atStart) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.tx = tx;
        this.tables = tables;
        this.keys = keys;
        this.atStart = atStart;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }

    /** Where the last pass stands: rows looked at and rewritten per table. */
    public record Progress(int key, String state, Instant startedAt, Instant finishedAt, Map<String, Counts> tables,
                           long scanned, long rewritten) {}

    /** Rows of one table looked at and rewritten so far. */
    public record Counts(long scanned, long rewritten) {}

    public Progress progress() {
        return progress;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealWhatIsLeft() {
        if (atStart) {
            worker.submit(this::pass);
        }
    }

    /** A new current key, then a pass that re-seals every row under it. */
    public synchronized Progress rotate() {
        if ("RUNNING".equals(progress.state())) {
            throw new IllegalStateException("上一次重新加密尚未完成");
        }
        int key = keys.rotate();
        checks.check(PersonalData.keys()); // recorded at once: a node restarted without the new key refuses to start
        progress = new Progress(key, "RUNNING", Instant.now(), null, Map.of(), 0, 0);
        worker.submit(this::pass);
        return progress;
    }

    /** Runs a whole pass in the calling thread (tests and the command line). */
    public Progress passNow() {
        pass();
        return progress;
    }

    private synchronized void pass() {
        int key = keys.current();
        Instant started = Instant.now();
        Map<String, long[]> counts = new LinkedHashMap<>();
        AtomicLong scanned = new AtomicLong();
        AtomicLong rewritten = new AtomicLong();
        progress = new Progress(key, "RUNNING", started, null, Map.of(), 0, 0);
        try {
            for (SealedColumns t : tables) {
                long[] c = counts.computeIfAbsent(t.table(), k -> new long[2]); // a table may declare two sets of rows
                Object last = null;
                while (true) {
                    if (stopping) {
                        throw new IllegalStateException("the platform is stopping");
                    }
                    Object from = last;
                    List<Map<String, Object>> rows = tx.execute(s -> batch(t, from, key, c));
                    if (rows.isEmpty()) {
                        break;
                    }
                    last = rows.getLast().get(t.key());
                    scanned.addAndGet(rows.size());
                    rewritten.set(counts.values().stream().mapToLong(x -> x[1]).sum());
                    progress = new Progress(key, "RUNNING", started, null, copy(counts), scanned.get(), rewritten.get());
                }
            }
            progress = new Progress(key, "DONE", started, Instant.now(), copy(counts), scanned.get(),
                    counts.values().stream().mapToLong(x -> x[1]).sum());
            log.info("Personal data sealed under key {}: {} rows looked at, {} rewritten", key, scanned.get(), progress.rewritten());
        } catch (RuntimeException e) {
            if (stopping) {
                // the pool closed under the pass: an ordinary stop, not a fault for the operator's alarms
                log.info("Resealing paused by the platform's stop after {} rows; it resumes on the next start", scanned.get());
                progress = new Progress(key, "STOPPED", started, Instant.now(), copy(counts), scanned.get(), rewritten.get());
                return;
            }
            log.error("Resealing stopped; it resumes on the next start or rotation", e);
            progress = new Progress(key, "FAILED", started, Instant.now(), copy(counts), scanned.get(), rewritten.get());
        }
    }

    /**
     * The next rows after {@code from} that need work — a value not sealed under the current key, or a missing blind
     * index — read without locks; each is rewritten only if its sealed values are still the ones read (a row the
     * platform changed meanwhile was written sealed under the current key anyway).
     */
    private List<Map<String, Object>> batch(SealedColumns t, Object from, int key, long[] counts) {
        List<String> read = new ArrayList<>(t.columns());
        read.addAll(t.phoneIndexes().values());
        t.idIndexes().values().forEach(i -> read.add(i.column()));
        List<String> needs = new ArrayList<>();
        for (String c : t.columns()) {
            needs.add("(" + c + " <> '' and " + c + " not like :current)");
        }
        t.phoneIndexes().forEach((c, index) -> needs.add("(" + index + " is null and " + c + " <> '')"));
        t.idIndexes().forEach((c, index) -> needs.add("(" + index.column() + " is null and " + c + " <> '')"));
        String sql = "select " + t.key() + ", " + String.join(", ", read) + " from " + t.table()
                + " where (" + String.join(" or ", needs) + ")" + (t.rows() == null ? "" : " and (" + t.rows() + ")")
                + (from == null ? "" : " and " + t.key() + " > :from")
                + " order by " + t.key() + " limit " + BATCH;
        var statement = jdbc.sql(sql).param("current", PersonalData.PREFIX + key + ".%");
        if (from != null) {
            statement = statement.param("from", from);
        }
        List<Map<String, Object>> rows = statement.query().listOfRows();
        for (Map<String, Object> row : rows) {
            counts[0]++;
            Map<String, Object> set = new LinkedHashMap<>();
            for (String column : t.columns()) {
                String value = (String) row.get(column);
                if (value != null && !value.isEmpty() && PersonalData.keyOf(value) != key) {
                    set.put(column, PersonalData.seal(PersonalData.open(value)));
                }
            }
            t.phoneIndexes().forEach((column, index) -> {
                byte[] blind = row.get(index) == null ? PersonalData.phoneIndex(PersonalData.open((String) row.get(column))) : null;
                if (blind != null) {
                    set.put(index, blind);
                }
            });
            t.idIndexes().forEach((column, index) -> {
                byte[] blind = row.get(index.column()) == null
                        ? PersonalData.idIndex(index.kind(), PersonalData.open((String) row.get(column))) : null;
                if (blind != null) {
                    set.put(index.column(), blind);
                }
            });
            if (!set.isEmpty()) {
                StringBuilder update = new StringBuilder("update " + t.table() + " set ");
                set.keySet().forEach(c -> update.append(c).append(" = :").append(c).append(", "));
                update.setLength(update.length() - 2);
                update.append(" where ").append(t.key()).append(" = :rowKey");
                Map<String, Object> params = new LinkedHashMap<>(set);
                for (String c : t.columns()) {
                    update.append(" and ").append(c).append(" is not distinct from :was_").append(c);
                    params.put("was_" + c, row.get(c));
                }
                counts[1] += jdbc.sql(update.toString()).params(params).param("rowKey", row.get(t.key())).update();
            }
        }
        return rows;
    }

    private static Map<String, Counts> copy(Map<String, long[]> counts) {
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new Counts(v[0], v[1])));
        return out;
    }
}
