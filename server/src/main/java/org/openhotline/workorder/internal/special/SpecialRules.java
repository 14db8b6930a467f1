package org.openhotline.workorder.internal.special;

import java.util.Arrays;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code wo_special_rule}: the rules that flag an order special. */
@Repository
class SpecialRules {

    enum Kind { CONFIDENTIAL, KEYWORDS, REPEAT_CALLER }

    record Rule(long id, String name, Kind kind, String keywords, Integer threshold, Integer daysBack, boolean enabled,
                int version) {

        List<String> words() {
            return keywords == null ? List.of()
                    : Arrays.stream(keywords.split("[,，、\\s]+")).map(String::strip).filter(w -> !w.isEmpty()).toList();
        }
    }

    private final JdbcClient jdbc;

    SpecialRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    }

    void delete(long id) {
        if (jdbc.sql("delete from wo_special_rule where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("规则不存在");
        }
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
