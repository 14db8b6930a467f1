package org.openhotline.workorder.internal.special;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.workorder.internal.model.OrderTaken;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flags a new order special by the rules, in the transaction that takes it (a synchronous listener of this module,
 * so the flag exists before the intake's own finishing step asks for it), with a timeline entry saying why.
 */
@Component
class SpecialFlags {

    private final JdbcClient jdbc;
    private final SpecialRules rules;
    private final JsonMapper json;

    SpecialFlags(JdbcClient jdbc, SpecialRules rules, JsonMapper json) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.json = json;
    }

    record Flag(long ruleId, String name, String detail) {}

    @EventListener
    void on(OrderTaken e) {
        String text = (e.title() == null ? "" : e.title() + "\n") + e.content();
        List<Flag> flags = new ArrayList<>();
        for (SpecialRules.Rule r : rules.forIntake()) {
            if (!r.enabled()) {
                continue;
            }
            switch (r.kind()) {
                case CONFIDENTIAL -> {
                    if (e.confidential()) {
                        flags.add(new Flag(r.id(), r.name(), "保密件"));
                    }
                }
                case KEYWORDS -> r.words().stream().filter(text::contains).findFirst()
                        .ifPresent(w -> flags.add(new Flag(r.id(), r.name(), "命中“" + w + "”")));
                case REPEAT_CALLER -> {
                    if (e.callerPhoneIndex() != null) { // the blind index: the number itself is sealed
                        long calls = jdbc.sql("""
                                select count(*) from work_order where caller_phone_index = ? and created_at > ?""")
                                .params(e.callerPhoneIndex(), WorkOrders.ts(e.at().minusSeconds(86_400L * r.daysBack())))
                                .query(Long.class).single();
                        if (calls > r.threshold()) {
                            flags.add(new Flag(r.id(), r.name(), r.daysBack() + " 天内第 " + calls + " 次来电"));
                        }
                    }
                }
            }
        }
        if (flags.isEmpty()) {
            return;
        }
        for (Flag f : flags) {
            jdbc.sql("""
                    insert into wo_special_flag (work_order_id, rule_id, rule_name, detail, flagged_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(e.workOrderId(), f.ruleId(), f.name(), f.detail(), WorkOrders.ts(e.at())).update();
        }
        String why = String.join("；", flags.stream().map(f -> f.name() + "（" + f.detail() + "）").toList());
        jdbc.sql("""
                insert into wo_timeline (work_order_id, at, actor, actor_name, action, note, details)
                values (?, ?, 'system', '系统', 'special-flagged', ?, cast(? as jsonb))""")
                .params(e.workOrderId(), WorkOrders.ts(e.at()), "标记为特殊工单：" + why + "。派单和办结前须经二次审核",
                        json.writeValueAsString(Map.of("rules", flags.stream().map(Flag::name).toList())))
                .update();
    }

    /** The rules that flagged the order, empty when it is not special. */
    List<Map<String, Object>> of(long workOrderId) {
        return jdbc.sql("""
                select rule_name as "name", detail, flagged_at as "flaggedAt" from wo_special_flag
                 where work_order_id = ? order by rule_id""").param(workOrderId).query().listOfRows();
    }

    boolean isSpecial(long workOrderId) {
        return jdbc.sql("select exists(select 1 from wo_special_flag where work_order_id = ?)").param(workOrderId)
                .query(Boolean.class).single();
    }
}
