package org.openhotline.workorder.internal.dispatch.auto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.cluster.NodeSignals;
import org.openhotline.shared.cluster.ReferenceSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tables {@code wo_dispatch_setting.auto_threshold} (all categories; null = off) and
 * {@code wo_dispatch_auto_category} (a category and those below it; a null threshold keeps it manual). The nearest
 * category with a row decides, else the global threshold. Every intake asks for the threshold: it is answered from a
 * copy of both tables in memory, dropped on every node when a threshold changes (issue 14).
 */
@Component
public class AutoDispatchSettings {

    public record CategoryThreshold(long categoryId, String categoryName, Double threshold, String updatedBy, Instant updatedAt) {}

    public record Settings(Double globalThreshold, int version, List<CategoryThreshold> categories) {}

    /** What {@link #thresholdFor} needs: the global threshold and each category row's (an empty one keeps it manual). */
    private record Thresholds(Optional<Double> global, Map<Long, Optional<Double>> categories) {}

    private final JdbcClient jdbc;
    private final ReferenceSnapshot<Thresholds> thresholds;

    AutoDispatchSettings(JdbcClient jdbc, NodeSignals signals) {
        this.jdbc = jdbc;
        this.thresholds = new ReferenceSnapshot<>("auto-dispatch-thresholds", signals, this::thresholds);
    }

    private Thresholds thresholds() {
        Map<Long, Optional<Double>> categories = new HashMap<>();
        jdbc.sql("select category_id, threshold from wo_dispatch_auto_category").query(rs -> {
            categories.put(rs.getLong(1), Optional.ofNullable(rs.getObject(2, Double.class)));
        });
        Optional<Double> global = Optional.ofNullable(jdbc.sql("select auto_threshold from wo_dispatch_setting where id = 1")
                .query(Double.class).optional().orElse(null));
        return new Thresholds(global, Map.copyOf(categories));
    }

    public Settings read() {
        var global = jdbc.sql("select auto_threshold, version from wo_dispatch_setting where id = 1")
                .query((rs, n) -> Map.entry(Optional.ofNullable(rs.getObject(1, Double.class)), rs.getInt(2))).single();
        List<CategoryThreshold> categories = jdbc.sql("""
                select a.category_id,
                       (select string_agg(p.name, ' > ' order by p.level) from wo_category p where c.path like p.path || '%'),
                       a.threshold, a.updated_by, a.updated_at
                  from wo_dispatch_auto_category a join wo_category c on c.id = a.category_id
                 order by c.path""")
                .query((rs, n) -> new CategoryThreshold(rs.getLong(1), rs.getString(2), rs.getObject(3, Double.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
        return new Settings(global.getKey().orElse(null), global.getValue(), categories);
    }

    /** The threshold for an order of this category (the category and its ancestors, nearest first); empty = manual. */
    public Optional<Double> thresholdFor(List<Long> categoryPath) {
        Thresholds t = thresholds.get();
        for (Long id : categoryPath == null ? List.<Long>of() : categoryPath) {
            Optional<Double> row = t.categories().get(id);
            if (row != null) {
                return row;
            }
        }
        return t.global();
    }

    public Settings setGlobal(Double threshold, int version) {
        check(threshold);
        int changed = jdbc.sql("update wo_dispatch_setting set auto_threshold = ?, version = version + 1 where id = 1 and version = ?")
                .params(threshold, version).update();
        if (changed == 0) {
            throw DomainException.conflict("自动派单设置已被他人修改，请刷新后重试");
        }
        thresholds.changed();
        return read();
    }

    public Settings setCategory(long categoryId, Double threshold, String by, Instant at) {
        check(threshold);
        if (jdbc.sql("select count(*) from wo_category where id = ?").param(categoryId).query(Integer.class).single() == 0) {
            throw DomainException.notFound("诉求分类不存在");
        }
        jdbc.sql("""
                insert into wo_dispatch_auto_category (category_id, threshold, updated_by, updated_at) values (?, ?, ?, ?)
                on conflict (category_id) do update
                    set threshold = excluded.threshold, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(categoryId, threshold, by, Timestamp.from(at)).update();
        thresholds.changed();
        return read();
    }

    public Settings removeCategory(long categoryId) {
        jdbc.sql("delete from wo_dispatch_auto_category where category_id = ?").param(categoryId).update();
        thresholds.changed();
        return read();
    }

    private static void check(Double threshold) {
        if (threshold != null && (threshold.isNaN() || threshold < 0.5 || threshold > 1)) {
            throw DomainException.invalid("自动派单的置信度门槛应在 0.5 到 1 之间");
        }
    }
}
