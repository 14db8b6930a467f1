package org.openhotline.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openhotline.calendar.LimitStage;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Table {@code time_limit_policy}. The policy that applies is the most specific match: a category rule beats an
 * urgency rule, which beats an appeal-type rule, which beats the stage's general rule (an emergency complaint is
 * handled in 2 hours, not 15 working days). Every intake and dispatch asks for a policy, so the matching runs on an
 * in-memory copy of the (few dozen) rows: dropped after each edit commits, reloaded every minute for edits made
 * through another instance.
 */
@Repository
public class TimeLimitPolicies {

    private static final Comparator<Policy> MOST_SPECIFIC_FIRST = Comparator
            .comparing((Policy p) -> p.categoryId() == null)
            .thenComparing(p -> p.urgency() == null)
            .thenComparing(p -> p.appealType() == null)
            .thenComparingLong(Policy::id);

    private final JdbcClient jdbc;
    private volatile List<Policy> snapshot;

    TimeLimitPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Policy(long id, LimitStage stage, String appealType, String urgency, Long categoryId, int amount,
                         LimitUnit unit, int yellowPercent, String note, int version) {}

    public record PolicyForm(LimitStage stage, String appealType, String urgency, Long categoryId, int amount,
                             LimitUnit unit, int yellowPercent, String note) {}

    public List<Policy> all() {
        return jdbc.sql("select * from time_limit_policy order by stage, category_id nulls first, urgency nulls first, appeal_type nulls first, id")
                .query(TimeLimitPolicies::map).list();
    }

    public Optional<Policy> applicable(LimitStage stage, String appealType, String urgency, Collection<Long> categoryPath) {
        Collection<Long> categories = categoryPath == null ? List.of() : categoryPath;
        return cached().stream()
                .filter(p -> p.stage() == stage)
                .filter(p -> p.appealType() == null || p.appealType().equals(appealType))
                .filter(p -> p.urgency() == null || p.urgency().equals(urgency))
                .filter(p -> p.categoryId() == null || categories.contains(p.categoryId()))
                .min(MOST_SPECIFIC_FIRST);
    }

    private List<Policy> cached() {
        List<Policy> s = snapshot;
        if (s == null) {
            s = List.copyOf(all());
            snapshot = s;
        }
        return s;
    }

    @org.openhotline.shared.cluster.EveryNode // this node's own memory
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reload() {
        snapshot = List.copyOf(all());
    }

    /** Drops the copy now and again once the edit's transaction ends (a reload in between saw the old rows). */
    private void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    public Policy create(PolicyForm f) {
        long id = jdbc.sql("""
                insert into time_limit_policy (stage, appeal_type, urgency, category_id, amount, unit, yellow_percent, note)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.stage().name(), blankToNull(f.appealType()), blankToNull(f.urgency()), f.categoryId(),
                        f.amount(), f.unit().name(), f.yellowPercent(), f.note())
                .query(Long.class).single();
        changed();
        return find(id);
    }

    public Policy update(long id, int version, PolicyForm f) {
        int rows = jdbc.sql("""
                update time_limit_policy set stage = ?, appeal_type = ?, urgency = ?, category_id = ?, amount = ?,
                       unit = ?, yellow_percent = ?, note = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(f.stage().name(), blankToNull(f.appealType()), blankToNull(f.urgency()), f.categoryId(),
                        f.amount(), f.unit().name(), f.yellowPercent(), f.note(), id, version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该时限规则已被他人修改或删除，请刷新后重试");
        }
        changed();
        return find(id);
    }

    public void delete(long id) {
        Policy p = find(id);
        if (p.appealType() == null && p.urgency() == null && p.categoryId() == null) {
            throw DomainException.conflict("每个环节的通用时限不能删除，可以修改");
        }
        jdbc.sql("delete from time_limit_policy where id = ?").param(id).update();
        changed();
    }

    Policy find(long id) {
        return jdbc.sql("select * from time_limit_policy where id = ?").param(id).query(TimeLimitPolicies::map)
                .optional().orElseThrow(() -> DomainException.notFound("时限规则不存在"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Policy map(ResultSet rs, int row) throws SQLException {
        long category = rs.getLong("category_id");
        Long categoryId = rs.wasNull() ? null : category; // right after its own column (wasNull is per last read)
        return new Policy(rs.getLong("id"), LimitStage.valueOf(rs.getString("stage")), rs.getString("appeal_type"),
                rs.getString("urgency"), categoryId, rs.getInt("amount"),
                LimitUnit.valueOf(rs.getString("unit")), rs.getInt("yellow_percent"), rs.getString("note"),
                rs.getInt("version"));
    }
}
