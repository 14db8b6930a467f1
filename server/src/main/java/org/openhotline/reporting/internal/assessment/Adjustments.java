package org.openhotline.reporting.internal.assessment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's 有理由投诉 (COMPLAINT, COMPLAINT_ESCALATED by leaders or media) and 表扬 (PRAISE) / 锦旗 (BANNER) of a month.
 * Entered by hand (source MANUAL) until quality inspection publishes its findings; every entry and removal is
 * audited.
 */
@Repository
class Adjustments {

    static final Map<String, String> KINDS = Map.of("COMPLAINT", "有理由投诉", "COMPLAINT_ESCALATED", "领导或媒体投诉",
            "PRAISE", "来电来信表扬", "BANNER", "锦旗");

    record Form(Long agentId, String month, String kind, String note) {}

    record View(long id, long agentId, String agentName, String month, String kind, String kindName, String note,
                String source, String createdBy, OffsetDateTime createdAt) {}

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Adjustments(JdbcClient jdbc, StaffDirectory staff, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    List<View> list(String month, Long agentId) {
        YearMonth m = AgentAssessment.month(month, clock);
        var rows = jdbc.sql("""
                        select id, agent_id, month, kind, note, source, created_by, created_at from rpt_agent_adjustment
                         where month = :month and (:agent = -1 or agent_id = :agent) order by created_at, id""")
                .param("month", m.toString()).param("agent", agentId == null ? -1L : agentId).query().listOfRows();
        Map<Long, String> names = new java.util.HashMap<>();
        staff.byIds(rows.stream().map(r -> ((Number) r.get("agent_id")).longValue()).distinct().toList())
                .forEach(s -> names.put(s.accountId(), s.displayName()));
        return rows.stream().map(r -> {
            long agent = ((Number) r.get("agent_id")).longValue();
            String kind = (String) r.get("kind");
            return new View(((Number) r.get("id")).longValue(), agent, names.getOrDefault(agent, "坐席 " + agent),
                    (String) r.get("month"), kind, KINDS.get(kind), (String) r.get("note"), (String) r.get("source"),
                    (String) r.get("created_by"), ((java.sql.Timestamp) r.get("created_at")).toInstant()
                            .atOffset(java.time.ZoneOffset.UTC));
        }).toList();
    }

    @Transactional
    long add(Form form, StaffPrincipal who) {
        if (form == null || form.agentId() == null) {
            throw DomainException.badRequest("请选择话务员");
        }
        var agent = staff.byId(form.agentId()).orElseThrow(() -> DomainException.badRequest("话务员不存在：" + form.agentId()));
        if (form.month() == null || form.month().isBlank()) {
            throw DomainException.badRequest("请填写月份（年-月）");
        }
        YearMonth m = AgentAssessment.month(form.month(), clock);
        String kind = form.kind() == null ? "" : form.kind().strip();
        if (!KINDS.containsKey(kind)) {
            throw DomainException.badRequest("类型只能是 " + String.join("、", Set.copyOf(KINDS.values())));
        }
        String note = form.note() == null ? "" : form.note().strip();
        if (note.isEmpty() || note.length() > 300) {
            throw DomainException.badRequest("请填写说明（不超过 300 字）");
        }
        long id = jdbc.sql("""
                        insert into rpt_agent_adjustment (agent_id, month, kind, note, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(agent.accountId(), m.toString(), kind, note, who.username(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        events.publishEvent(new AssessmentChanged("reporting.adjustment-added", "account:" + agent.username(),
                Map.of("id", id, "month", m.toString(), "kind", KINDS.get(kind), "note", note)));
        return id;
    }

    @Transactional
    void remove(long id) {
        var rows = jdbc.sql("select agent_id, month, kind, note from rpt_agent_adjustment where id = ?").param(id)
                .query().listOfRows();
        if (rows.isEmpty()) {
            throw DomainException.notFound("考核记录不存在：" + id);
        }
        var r = rows.getFirst();
        jdbc.sql("delete from rpt_agent_adjustment where id = ?").param(id).update();
        long agent = ((Number) r.get("agent_id")).longValue();
        String who = staff.byId(agent).map(StaffDirectory.Staff::username).orElse(String.valueOf(agent));
        events.publishEvent(new AssessmentChanged("reporting.adjustment-removed", "account:" + who,
                Map.of("id", id, "month", r.get("month"), "kind", KINDS.get((String) r.get("kind")), "note", r.get("note"))));
    }
}
