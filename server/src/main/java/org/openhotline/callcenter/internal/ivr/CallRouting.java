package org.openhotline.callcenter.internal.ivr;

import java.util.List;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Routing by called and caller number (seed 004: 按被叫号码、主叫号码分配到站点或技能组): the most specific
 * matching rule wins (called number and the longest caller prefix), then the IVR's queue name as a skill group
 * code, then the general group.
 */
@Repository
public class CallRouting {

    static final String GENERAL = "general";

    public record Rule(long id, String calledNumber, String callerPrefix, long groupId, int priority, String note) {}

    private final JdbcClient jdbc;
    private final SkillGroups groups;

    CallRouting(JdbcClient jdbc, SkillGroups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    public long groupFor(String called, String caller, String queue) {
        return jdbc.sql("""
                select group_id from cc_routing_rule
                 where (called_number is null or called_number = :called)
                   and (caller_prefix is null or :caller like caller_prefix || '%')
                 order by priority desc, (called_number is not null) desc, length(coalesce(caller_prefix, '')) desc, id
                 limit 1""")
                .param("called", called == null ? "" : called).param("caller", caller == null ? "" : caller)
                .query(Long.class).optional()
                .or(() -> groups.byCode(queue == null ? GENERAL : queue).map(SkillGroups.Row::id))
                .or(() -> groups.byCode(GENERAL).map(SkillGroups.Row::id))
                .orElseThrow(() -> new IllegalStateException("no skill group for queue " + queue));
    }

    public List<Rule> all() {
        return jdbc.sql("select id, called_number, caller_prefix, group_id, priority, note from cc_routing_rule order by priority desc, id")
                .query(Rule.class).list();
    }

    public long add(String called, String callerPrefix, long groupId, int priority, String note) {
        if ((called == null || called.isBlank()) && (callerPrefix == null || callerPrefix.isBlank())) {
            throw DomainException.invalid("请至少填写被叫号码或主叫号码前缀之一");
        }
        groups.find(groupId).orElseThrow(() -> DomainException.invalid("技能组不存在"));
        return jdbc.sql("insert into cc_routing_rule (called_number, caller_prefix, group_id, priority, note) values (?, ?, ?, ?, ?) returning id")
                .params(blank(called), blank(callerPrefix), groupId, priority, note).query(Long.class).single();
    }

    public void remove(long id) {
        if (jdbc.sql("delete from cc_routing_rule where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("路由规则不存在");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
