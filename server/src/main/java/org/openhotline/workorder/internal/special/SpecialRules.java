package org.openhotline.workorder.internal.special;

import java.util.Arrays;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.cluster.NodeSignals;
import org.openhotline.shared.cluster.ReferenceSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code wo_special_rule}: the rules that flag an order special. The intake checks them on every new order from
 * a copy in memory ({@link #forIntake}), dropped on every node when a rule changes.
 */
@Repository
class SpecialRules {

    enum Kind { CONFIDENTIAL, KEYWORDS, REPEAT_CALLER }

    record Rule(long id, String name, Kind kind, String keywords, Integer threshold, Integer daysBack, boolean enabled,
                int version) {

        /** Compiled once: {@code String.split} compiled this pattern for every rule of every order taken (issue 14). */
        private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[,，、\\s]+");

        List<String> words() {
            return keywords == null ? List.of()
                    : Arrays.stream(SEPARATORS.split(keywords)).map(String::strip).filter(w -> !w.isEmpty()).toList();
        }
    }

    private final JdbcClient jdbc;
    private final ReferenceSnapshot<List<Rule>> snapshot;

    SpecialRules(JdbcClient jdbc, NodeSignals signals) {
        this.jdbc = jdbc;
        this.snapshot = new ReferenceSnapshot<>("special-rules", signals, this::all);
    }

    /** The rules as last committed, from memory (the screen reads {@link #all()}, which also sees its own change). */
    List<Rule> forIntake() {
        return snapshot.get();
    }

    List<Rule> all() {
        return jdbc.sql("select * from wo_special_rule order by id").query((rs, n) -> {
            int t = rs.getInt("threshold");
            Integer threshold = rs.wasNull() ? null : t;
            int d = rs.getInt("days_back");
            Integer days = rs.wasNull() ? null : d;
            return new Rule(rs.getLong("id"), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
                    rs.getString("keywords"), threshold, days, rs.getBoolean("enabled"), rs.getInt("version"));
        }).list();
    }

    long create(Rule r) {
        validate(r);
        snapshot.changed();
        return jdbc.sql("""
                insert into wo_special_rule (name, kind, keywords, threshold, days_back, enabled)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(r.name(), r.kind().name(), r.keywords(), r.threshold(), r.daysBack(), r.enabled())
                .query(Long.class).single();
    }

    void update(long id, Rule r, int version) {
        validate(r);
        int rows = jdbc.sql("""
                update wo_special_rule set name = ?, kind = ?, keywords = ?, threshold = ?, days_back = ?, enabled = ?,
                       version = version + 1
                 where id = ? and version = ?""")
                .params(r.name(), r.kind().name(), r.keywords(), r.threshold(), r.daysBack(), r.enabled(), id, version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该规则不存在或已被他人修改，请刷新后重试");
        }
        snapshot.changed();
    }

    void delete(long id) {
        if (jdbc.sql("delete from wo_special_rule where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("规则不存在");
        }
        snapshot.changed();
    }

    private static void validate(Rule r) {
        switch (r.kind()) {
            case KEYWORDS -> {
                if (r.words().isEmpty()) {
                    throw DomainException.invalid("关键词规则请至少填写一个关键词（用逗号分隔）");
                }
            }
            case REPEAT_CALLER -> {
                if (r.threshold() == null || r.threshold() < 1 || r.threshold() > 100 || r.daysBack() == null
                        || r.daysBack() < 1 || r.daysBack() > 366) {
                    throw DomainException.invalid("重复来电规则请填写次数（1–100）和统计天数（1–366）");
                }
            }
            case CONFIDENTIAL -> { }
        }
    }
}
