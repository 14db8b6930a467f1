package org.openhotline.workorder.internal.dispatch.suggest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.workorder.internal.similar.OrderVectors;
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
 * neighbours, and the manager sees that figure; the first scores of those validation orders also calibrate the
 * confidence auto-dispatch compares with the manager's threshold ({@link Calibration}). An automatic dispatch the
 * dispatcher undid counts as a negative like an approved return.
 */
@Component
public class ModelTraining {

    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);

    /**
     * What the manager sees of the model. {@code recentTop1}: share of recent orders whose unit it ranked first;
     * {@code byConfidence}: what dispatching automatically above a score would have done on those orders.
     */
    public record Stats(int examples, int negatives, Instant trainedAt, long trainMillis, int recentOrders,
                        double recentTop1, double recentTop3, List<Confidence> byConfidence) {}

    /**
     * Of the recent orders whose first suggestion scored at least {@code threshold}: their share of all ({@code share},
     * what auto-dispatch would have taken) and the share of them whose first suggestion was right ({@code top1}).
     */
    public record Confidence(double threshold, int orders, double share, double top1) {

        static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9};

        /** {@code scored}: per recent order, its first suggestion's score and whether it was right. */
        static List<Confidence> curve(List<Map.Entry<Double, Boolean>> scored) {
            return curve(scored, THRESHOLDS);
        }

        static List<Confidence> curve(List<Map.Entry<Double, Boolean>> scored, double[] thresholds) {
            List<Confidence> out = new ArrayList<>();
            for (double t : thresholds) {
                int above = 0;
                int right = 0;
                for (var e : scored) {
                    if (e.getKey() >= t) {
                        above++;
                        right += e.getValue() ? 1 : 0;
                    }
                }
                out.add(new Confidence(t, above, scored.isEmpty() ? 0 : (double) above / scored.size(),
                        above == 0 ? 0 : (double) right / above));
            }
            return out;
        }
    }

    /**
     * What auto-dispatch above each calibrated confidence would have done on the validation orders: each order's
     * confidence comes from a calibration fitted on the other half of them, so the curve is not scored on its own fit.
     */
    public record AutoCurve(int validationOrders, List<Confidence> points) {

        static final double[] THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99};

        static AutoCurve of(List<Calibration.Point> points) {
            List<Calibration.Point> even = new ArrayList<>();
            List<Calibration.Point> odd = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                (i % 2 == 0 ? even : odd).add(points.get(i));
            }
            Calibration onEven = Calibration.fit(even);
            Calibration onOdd = Calibration.fit(odd);
            List<Map.Entry<Double, Boolean>> scored = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                Calibration.Point p = points.get(i);
                scored.add(Map.entry((i % 2 == 0 ? onOdd : onEven).confidence(p.score()), p.right()));
            }
            return new AutoCurve(points.size(), Confidence.curve(scored, THRESHOLDS));
        }
    }

    private record Trained(UnitModel model, Stats stats, Instant watermark, Calibration calibration, AutoCurve curve) {}

    private final JdbcClient jdbc;
    private final OrgSnapshot org;
    private final Clock clock;
    private final TextEmbeddings embeddings;
    private final OrderVectors vectors;
    private volatile Trained trained;
    /** Before the first training: the duties alone, by words (no embedding on a request thread at start), per tree. */
    private volatile Map.Entry<UnitRoles, UnitModel> dutiesOnly;

    ModelTraining(JdbcClient jdbc, OrgSnapshot org, Clock clock, TextEmbeddings embeddings, OrderVectors vectors) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.embeddings = embeddings;
        this.vectors = vectors;
    }

    /**
     * How many of the most recent closed orders vote by meaning (their vectors, kept in wo_order_vector, are embedded
     * once: about a minute of one core for the demo year's first training, then only the newly closed orders).
     */
    static final int MEANING_ORDERS = 6000;

    /** The current model; before the first training, one that knows only the units' duties. */
    public UnitModel model() {
        Trained t = trained;
        if (t == null) {
            UnitRoles roles = org.tree().roles();
            Map.Entry<UnitRoles, UnitModel> d = dutiesOnly;
            if (d == null || d.getKey() != roles) {
                d = Map.entry(roles, UnitModel.train(List.of(), roles.duties(), List.of()));
                dutiesOnly = d;
            }
            return d.getValue();
        }
        return t.model();
    }

    /** The chance that a first suggestion of this score is right, as the validation orders calibrate it. */
    public double confidence(double score) {
        Trained t = trained;
        return (t == null ? Calibration.fit(List.of()) : t.calibration()).confidence(score);
    }

    /** How many validation orders calibrate the confidence, and auto-dispatch's accuracy and share per threshold. */
    public AutoCurve autoCurve() {
        Trained t = trained;
        return t == null ? AutoCurve.of(List.of()) : t.curve();
    }

    public Stats stats() {
        Trained t = trained;
        return t == null ? new Stats(0, 0, null, 0, 0, 0, 0, Confidence.curve(List.of())) : t.stats();
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

    /** The demo year is written in the background after the start: learn again from its 30,000 orders. */
    @EventListener(org.openhotline.shared.DemoHistoryWritten.class)
    void afterDemoHistory() {
        Thread.ofVirtual().name("dispatch-model").start(() -> {
            try {
                retrain();
            } catch (RuntimeException e) {
                log.warn("Dispatch model not trained after the demo history: {}", e.toString());
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
        Map<Long, String> appeals = new java.util.HashMap<>();
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
                            if (appeals.size() < MEANING_ORDERS) {
                                appeals.put(rs.getLong(1), OrderVectors.appeal(rs.getString(2), rs.getString(3)));
                            }
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
                union all
                -- an automatic dispatch the dispatcher took back: the machine's unit was wrong, as with a return
                select o.title, o.content, b.main_unit_id from wo_dispatch_basis b
                  join work_order o on o.id = b.work_order_id
                 where b.kind = 'AUTO' and b.undone_at >= ?
                 limit 50000""")
                .params(Timestamp.from(now.minus(Duration.ofDays(400))), Timestamp.from(now.minus(Duration.ofDays(400))))
                .query(rs -> {
                    String text = text(rs.getString(1), rs.getString(2));
                    roles.roleOf(rs.getLong(3)).ifPresent(role -> negatives.add(new UnitModel.Negative(text, role)));
                });
        Trained before = trained;
        Map<Long, float[]> meaning = UnitModel.Tuning.DEFAULT.orderVectorWeight() > 0 ? vectors.of(appeals) : Map.of();
        UnitModel model = UnitModel.train(examples, roles.duties(), negatives, UnitModel.Tuning.DEFAULT, embeddings::embed,
                before == null ? null : before.model(), meaning);
        int recent = Math.min(300, examples.size());
        int top1 = 0;
        int top3 = 0;
        List<Map.Entry<Double, Boolean>> scored = new ArrayList<>();
        List<Calibration.Point> points = new ArrayList<>();
        for (int i = 0; i < recent; i++) {
            UnitModel.Example e = examples.get(i);
            List<UnitModel.LabelScore> labels = model.predict(e.text(), Set.of(e.orderId())).labels();
            if (!labels.isEmpty()) {
                scored.add(Map.entry(labels.getFirst().score(), labels.getFirst().label().equals(e.label())));
                points.add(new Calibration.Point(labels.getFirst().score(), labels.getFirst().label().equals(e.label())));
            }
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
                recent == 0 ? 0 : (double) top1 / recent, recent == 0 ? 0 : (double) top3 / recent, Confidence.curve(scored));
        trained = new Trained(model, stats, now, Calibration.fit(points), AutoCurve.of(points));
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
