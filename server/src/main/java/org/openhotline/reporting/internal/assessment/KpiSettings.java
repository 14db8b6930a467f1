package org.openhotline.reporting.internal.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.Source;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the manager changes about KPIs: a definition's Chinese name, target, threshold, counted grades and the 004
 * month rule (checked against the version read: a concurrent edit is 409), and declared exemptions (003). Each
 * change is audited with the values before and after.
 */
@Service
class KpiSettings {

    /** Survey keys of the IVR (1 满意 … 3 不满意) and the callback grades of the work orders. */
    private static final Set<String> CALL_GRADES = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> CALLBACK_GRADES = Set.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
    static final int MAX_THRESHOLD = 30 * 86400;

    record DefinitionForm(Integer version, String name, BigDecimal target, Integer thresholdSeconds, List<String> grades,
                          Integer exemptMonthAnswered) {}

    record ExemptionForm(LocalDate from, LocalDate to, List<String> codes, String reason) {}

    record ExemptionView(long id, List<String> codes, String from, String to, String reason, String createdBy,
                         OffsetDateTime createdAt) {}

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KpiSettings(JdbcClient jdbc, KpiDefinitions definitions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    KpiDefinition update(String code, DefinitionForm form) {
        KpiDefinition k = definitions.required(code);
        if (form == null || form.version() == null) {
            throw DomainException.badRequest("请提供指标的版本号（version）");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 40) {
            throw DomainException.badRequest("指标名称不能为空，且不超过 40 个字");
        }
        BigDecimal target = form.target();
        if (target != null && (target.signum() < 0 || (k.percent() && target.compareTo(BigDecimal.valueOf(100)) > 0)
                || target.compareTo(BigDecimal.valueOf(100000)) > 0)) {
            throw DomainException.badRequest(k.percent() ? "百分比指标的目标值应在 0 到 100 之间" : "目标值不能为负数或过大");
        }
        Integer threshold = form.thresholdSeconds();
        if (k.thresholdSeconds() == null && threshold != null) {
            throw DomainException.badRequest("指标“" + k.name() + "”没有时限阈值");
        }
        if (k.thresholdSeconds() != null && (threshold == null || threshold < 1 || threshold > MAX_THRESHOLD)) {
            throw DomainException.badRequest("时限阈值应在 1 秒到 30 天之间");
        }
        List<String> grades = form.grades() == null ? List.of() : form.grades().stream().map(String::strip).distinct().toList();
        if (k.grades().isEmpty() && !grades.isEmpty()) {
            throw DomainException.badRequest("指标“" + k.name() + "”不按满意度等级计算");
        }
        if (!k.grades().isEmpty()) {
            Set<String> allowed = k.source() == Source.CALL ? CALL_GRADES : CALLBACK_GRADES;
            if (grades.isEmpty() || !allowed.containsAll(grades)) {
                throw DomainException.badRequest("请至少选择一个计入的满意度等级，可选：" + String.join("、", allowed));
            }
        }
        Integer exempt = form.exemptMonthAnswered();
        if (exempt != null && (exempt < 1 || k.source() != Source.CALL)) {
            throw DomainException.badRequest("月度人工接通量豁免只适用于话务指标，且应为正整数");
        }
        int updated = jdbc.sql("""
                        update rpt_kpi set name = :name, target = :target, threshold_s = :threshold, grades = :grades,
                                           exempt_month_answered = :exempt, version = version + 1
                         where code = :code and version = :version""")
                .param("name", name).param("target", target).param("threshold", threshold)
                .param("grades", grades.isEmpty() ? null : String.join(",", grades)).param("exempt", exempt)
                .param("code", code).param("version", form.version()).update();
        if (updated == 0) {
            throw DomainException.conflict("指标“" + k.name() + "”已被他人修改，请刷新后重试");
        }
        KpiDefinition after = definitions.required(code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", describe(k));
        details.put("after", describe(after));
        events.publishEvent(new AssessmentChanged("reporting.kpi-changed", "kpi:" + code, details));
        return after;
    }

    private static String describe(KpiDefinition k) {
        return "名称=" + k.name() + "；目标=" + k.target() + "；阈值秒=" + k.thresholdSeconds() + "；等级="
                + String.join(",", k.grades()) + "；月豁免接通量=" + k.exemptMonthAnswered();
    }

    List<ExemptionView> exemptions() {
        var zone = clock.getZone();
        return jdbc.sql("""
                select id, array_to_string(codes, ',') as codes, starts_at, ends_at, reason, created_by, created_at
                  from rpt_kpi_exemption order by starts_at desc, id desc""")
                .query((rs, n) -> new ExemptionView(rs.getLong("id"), List.of(rs.getString("codes").split(",")),
                        rs.getTimestamp("starts_at").toInstant().atZone(zone).toLocalDate().toString(),
                        rs.getTimestamp("ends_at").toInstant().minusNanos(1).atZone(zone).toLocalDate().toString(),
                        rs.getString("reason"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class))).list();
    }

    @Transactional
    long declare(ExemptionForm form, StaffPrincipal who) {
        if (form == null || form.from() == null || form.to() == null) {
            throw DomainException.badRequest("请填写豁免的开始日期和结束日期");
        }
        if (form.to().isBefore(form.from())) {
            throw DomainException.badRequest("结束日期不能早于开始日期");
        }
        if (form.from().plusDays(366).isBefore(form.to())) {
            throw DomainException.badRequest("一次豁免不能超过一年");
        }
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty() || reason.length() > 300) {
            throw DomainException.badRequest("请填写豁免原因（不超过 300 字）");
        }
        List<String> codes = form.codes() == null ? List.of() : form.codes().stream().map(String::strip).distinct().toList();
        if (codes.isEmpty() || codes.size() > 30) {
            throw DomainException.badRequest("请选择要豁免的指标");
        }
        codes.forEach(definitions::required);
        var zone = clock.getZone();
        var from = form.from().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var to = form.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        long id = jdbc.sql("""
                        insert into rpt_kpi_exemption (codes, starts_at, ends_at, reason, created_by, created_at)
                        values (string_to_array(:codes, ','), :from, :to, :reason, :by, :at) returning id""")
                .param("codes", String.join(",", codes)).param("from", from).param("to", to).param("reason", reason)
                .param("by", who.username()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        events.publishEvent(new AssessmentChanged("reporting.exemption-declared", "kpi-exemption:" + id,
                Map.of("codes", String.join(",", codes), "from", form.from().toString(), "to", form.to().toString(),
                        "reason", reason)));
        return id;
    }

    @Transactional
    void revoke(long id) {
        var row = jdbc.sql("select array_to_string(codes, ',') as codes, reason from rpt_kpi_exemption where id = ?")
                .param(id).query().listOfRows();
        if (row.isEmpty()) {
            throw DomainException.notFound("豁免记录不存在：" + id);
        }
        jdbc.sql("delete from rpt_kpi_exemption where id = ?").param(id).update();
        events.publishEvent(new AssessmentChanged("reporting.exemption-revoked", "kpi-exemption:" + id,
                Map.of("codes", row.getFirst().get("codes"), "reason", row.getFirst().get("reason"))));
    }
}
