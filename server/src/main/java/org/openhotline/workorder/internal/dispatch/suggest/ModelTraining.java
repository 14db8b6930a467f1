package org.openhotline.workorder.internal.dispatch.suggest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Learning: the final main unit of every closed order of the last 400 days is a positive example of its role, an
 * approved return (the unit was wrong) a negative. Training rebuilds the in-memory model from the tables (about a
 * second for 30,000 orders): at start, every night, and every ten minutes when orders closed or returns were approved
 * since. After each training the model is scored on the 300 most recently closed orders, each left out of its own
 * neighbours, and the manager sees that figure.
 */
@Component
public class ModelTraining {

    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);

    /** What the manager sees of the model. {@code recentTop1}: share of recent orders whose unit it ranked first. */
    public record Stats(int examples, int negatives, Instant trainedAt, long trainMillis, int recentOrders,
                        double recentTop1, double recentTop3) {}

    private record Trained(UnitModel model, Stats stats, Instant watermark) {}

    private final JdbcClient jdbc;
    private final OrgSnapshot org;
    private final Clock clock;
    private volatile Trained trained;

    ModelTraining(JdbcClient jdbc, OrgSnapshot org, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    /** The current model; before the first training, one that knows only the units' duties. */
    public UnitModel model() {
        Trained t = trained;
        if (t == null) {
            return UnitModel.train(List.of(), org.tree().roles().duties(), List.of());
        }
        return t.model();
    }

    public Stats stats() {
        Trained t = trained;
        return t == null ? new Stats(0, 0, null, 0, 0, 0, 0) : t.stats();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Thread.ofVirtual().name("dispatch-model").start(() -> {
            try {
                RegionFinder.warmUp();
                retrain();
            } catch (RuntimeException e) {
                log.warn("Dispatch model not trained at start: {}", e.toString());
            }
        });
    }

    @org.openhotline.shared.cluster.EveryNode // this node's own memory
    @Scheduled(cron = "${hotline.dispatch.retrain-cron:0 30 2 * * *}")
    void nightly() {
        retrain();
    }

    @org.openhotline.shared.cluster.EveryNode // this node's own memory
    @Scheduled(fixedDelayString = "${hotline.dispatch.retrain-check:PT10M}", initialDelayString = "PT10M")
    void whenChanged() {
        Trained t = trained;
        if (t == null) {
            return;
        }
        boolean changed = jdbc.sql("""
                select exists(select 1 from work_order where state = 'CLOSED' and closed_at > ?)
                    or exists(select 1 from wo_request where kind = 'RETURN' and state = 'APPROVED' and decided_at > ?)""")
                .params(Timestamp.from(t.watermark()), Timestamp.from(t.watermark())).query(Boolean.class).single();
        if (changed) {
            retrain();
        }
    }

    /** Rebuilds the model from the closed orders and approved returns; answers its statistics. */
    public synchronized Stats retrain() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        UnitRoles roles = org.tree().roles();
        List<UnitModel.Example> examples = new ArrayList<>();
        List<Instant> closedAt = new ArrayList<>();
        jdbc.sql("""
                select o.id, o.title, o.content, o.category_id, a.unit_id, o.closed_at
                  from work_order o
                  join lateral (select unit_id from wo_assignment a
                                 where a.work_order_id = o.id and a.role = 'MAIN' and a.state <> 'RETURNED'
                                 order by a.id desc limit 1) a on true
                 where o.state = 'CLOSED' and o.closed_at >= ?
                 order by o.closed_at desc limit 200000""")
                .param(Timestamp.from(now.minus(Duration.ofDays(400))))
                .query(rs -> {
                    roles.roleOf(rs.getLong(5)).ifPresent(role -> {
                        try {
                            examples.add(new UnitModel.Example(rs.getLong(1), text(rs.getString(2), rs.getString(3)), role,
                                    rs.getObject(4, Long.class)));
                            closedAt.add(rs.getTimestamp(6).toInstant());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                });
        List<UnitModel.Negative> negatives = new ArrayList<>();
        jdbc.sql("""
                select o.title, o.content, a.unit_id from wo_request r
                  join wo_assignment a on a.id = r.assignment_id
                  join work_order o on o.id = r.work_order_id
                 where r.kind = 'RETURN' and r.state = 'APPROVED' and r.decided_at >= ?
                 limit 50000""")
                .param(Timestamp.from(now.minus(Duration.ofDays(400))))
                .query(rs -> {
                    String text = text(rs.getString(1), rs.getString(2));
                    roles.roleOf(rs.getLong(3)).ifPresent(role -> negatives.add(new UnitModel.Negative(text, role)));
                });
        UnitModel model = UnitModel.train(examples, roles.duties(), negatives);
        int recent = Math.min(300, examples.size());
        int top1 = 0;
        int top3 = 0;
        for (int i = 0; i < recent; i++) {
            UnitModel.Example e = examples.get(i);
            List<UnitModel.LabelScore> labels = model.predict(e.text(), Set.of(e.orderId())).labels();
            for (int k = 0; k < Math.min(3, labels.size()); k++) {
                if (labels.get(k).label().equals(e.label())) {
                    top1 += k == 0 ? 1 : 0;
                    top3++;
                    break;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Stats stats = new Stats(examples.size(), negatives.size(), now, millis, recent,
                recent == 0 ? 0 : (double) top1 / recent, recent == 0 ? 0 : (double) top3 / recent);
        trained = new Trained(model, stats, now);
        log.info("Dispatch model trained on {} closed orders and {} returns in {} ms; recent top-1 {}", examples.size(),
                negatives.size(), millis, stats.recentTop1());
        return stats;
    }

    /** Title and content as one text (history titles are the content's start: then the content alone). */
    public static String text(String title, String content) {
        if (content == null) {
            return title == null ? "" : title;
        }
        return title == null || content.startsWith(title) ? content : title + "。" + content;
    }
}
