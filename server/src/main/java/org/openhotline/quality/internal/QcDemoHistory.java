package org.openhotline.quality.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.openhotline.callcenter.CallsForInspection;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.quality.internal.calibration.Calibrations;
import org.openhotline.quality.internal.inspections.Comment;
import org.openhotline.quality.internal.inspections.Inspections;
import org.openhotline.quality.internal.plans.Plans;
import org.openhotline.quality.internal.plans.Stratum;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.TemplateItem;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality's part of the demo year (hotline.demo.history): last month's calls and recorded orders sampled by two plans
 * (0.5 % per agent), most tasks scored by the demo inspectors with seeded deductions, a few results confirmed, one
 * appealed (waiting for 二次质检), and a calibration of one call where one inspector has scored and the other has not —
 * so 质检任务, 我的质检, 申诉复核, 质检校准, 质检分析 and the QC KPIs show something at once. Runs after the call center's
 * and the work orders' history and before the reports rebuild their facts; nothing when the demo plans exist already.
 */
@Component
class QcDemoHistory implements DemoHistory {

    private final JdbcClient jdbc;
    private final Plans plans;
    private final Inspections inspections;
    private final Calibrations calibrations;
    private final Templates templates;
    private final StaffDirectory staff;
    private final CallsForInspection calls;

    QcDemoHistory(JdbcClient jdbc, Plans plans, Inspections inspections, Calibrations calibrations, Templates templates,
                  StaffDirectory staff, CallsForInspection calls) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.plans = plans;
        this.inspections = inspections;
        this.calibrations = calibrations;
        this.templates = templates;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional
    public long seedHistory(HistoryPlan plan) {
        if (jdbc.sql("select count(*) from qc_plan where name like '演示抽检%'").query(Long.class).single() > 0) {
            return 0;
        }
        var managers = staff.withRole(Role.MANAGER);
        var inspectors = staff.withRole(Role.QC_INSPECTOR).stream()
                .sorted(java.util.Comparator.comparing(StaffDirectory.Staff::username)).toList();
        if (managers.isEmpty() || inspectors.size() < 2) {
            return 0;
        }
        StaffPrincipal lead = principal(managers.getFirst());
        List<Long> inspectorIds = inspectors.stream().limit(2).map(StaffDirectory.Staff::accountId).toList();
        YearMonth month = YearMonth.from(plan.end().minusSeconds(1).atZone(plan.zone())).minusMonths(1);
        if (month.atDay(1).atStartOfDay(plan.zone()).toInstant().isBefore(plan.start())) {
            return 0; // a history shorter than last month (a test's week): nothing to sample
        }
        Random random = new Random(plan.seed());
        long written = 0;
        for (var t : templates.list()) {
            if (!t.enabled() || !"system".equals(jdbc.sql("select created_by from qc_template where id = ?").param(t.id())
                    .query(String.class).single())) {
                continue;
            }
            boolean orders = "ORDER".equals(t.kind());
            var created = plans.create(new Plans.Form(orders ? "演示抽检（上月工单）" : "演示抽检（上月通话）", t.id(), month.toString(),
                    new BigDecimal("0.5"), orders ? Map.of(Stratum.COMPLAINT, 3.0, Stratum.RETURNED, 5.0)
                            : Map.of(Stratum.COMPLAINT, 3.0, Stratum.DISSATISFIED, 3.0, Stratum.MACHINE_FLAGGED, 3.0),
                    600, inspectorIds, 5, plan.seed(), null), lead);
            plans.draw(created.id(), created.version(), lead);
            written += score(created.id(), random);
        }
        calibrate(month, plan.zone(), inspectorIds, lead, random);
        return written;
    }

    /** Scores three tasks in four; then the agents confirm some results and appeal one. */
    private long score(long planId, Random random) {
        record Task(long id, long inspectorId, long agentId, long templateVersionId, int version) {}
        List<Task> tasks = jdbc.sql("""
                select id, inspector_id, agent_id, template_version_id, version from qc_inspection where plan_id = ? order by id""")
                .param(planId).query(Task.class).list();
        Map<Long, StaffPrincipal> people = new HashMap<>();
        List<Task> scored = new ArrayList<>();
        for (int n = 0; n < tasks.size(); n++) {
            Task t = tasks.get(n);
            if (n > 0 && random.nextInt(4) == 0) {
                continue; // left for the inspectors to do
            }
            var items = templates.version(t.templateVersionId()).items();
            inspections.submit(t.id(), new Inspections.ScoreForm(answers(items, random), List.of(new Comment(12.0, "开头语语速偏快", null)),
                    "演示质检结果", t.version(), null), person(people, t.inspectorId()));
            scored.add(t);
        }
        boolean appealed = false;
        for (int i = 0; i < scored.size(); i++) {
            Task t = scored.get(i);
            int version = jdbc.sql("select version from qc_inspection where id = ?").param(t.id()).query(Integer.class).single();
            if (!appealed) {
                inspections.appeal(t.id(), "已按知识库口径答复，来电人后来认可，申请复核", version, person(people, t.agentId()));
                appealed = true;
            } else if (i % 3 == 0) {
                inspections.confirm(t.id(), version, person(people, t.agentId()));
            }
        }
        return tasks.size();
    }

    /** One deduction in two results, mostly small; a fatal hit now and then. */
    private static Map<String, Answer> answers(List<TemplateItem> items, Random random) {
        Map<String, Answer> answers = new HashMap<>();
        if (random.nextInt(2) == 0) {
            return answers;
        }
        List<TemplateItem> scorable = items.stream().filter(i -> !i.fatal() && !i.deductions().isEmpty()).toList();
        if (!scorable.isEmpty()) {
            TemplateItem item = scorable.get(random.nextInt(scorable.size()));
            var d = item.deductions().get(random.nextInt(item.deductions().size()));
            answers.put(item.key(), new Answer(d.points(), false, d.label()));
        }
        if (random.nextInt(30) == 0) {
            items.stream().filter(TemplateItem::fatal).findFirst()
                    .ifPresent(f -> answers.put(f.key(), new Answer(null, true, "演示：一票否决")));
        }
        return answers;
    }

    /** A calibration of one answered call of the month: the first inspector has scored it blind, the second not yet. */
    private void calibrate(YearMonth month, java.time.ZoneId zone, List<Long> inspectorIds, StaffPrincipal lead, Random random) {
        var inspected = new java.util.HashSet<>(jdbc.sql("select call_id from qc_inspection where call_id is not null")
                .query(String.class).list());
        var call = calls.answeredBetween(month.atDay(1).atStartOfDay(zone).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).stream()
                .map(CallsForInspection.AnsweredCall::callId).filter(id -> !inspected.contains(id)).findFirst();
        var template = templates.list().stream().filter(t -> "CALL".equals(t.kind()) && t.enabled()).findFirst();
        if (call.isEmpty() || template.isEmpty()) {
            return;
        }
        var session = calibrations.create(new Calibrations.Form("新质检员校准：一次标准通话", call.get(), template.get().id(), inspectorIds), lead);
        record Sheet(long id, long inspectorId, long templateVersionId, int version) {}
        var first = jdbc.sql("""
                select id, inspector_id, template_version_id, version from qc_inspection where calibration_id = ? order by inspector_id limit 1""")
                .param(session.id()).query(Sheet.class).single();
        inspections.submit(first.id(), new Inspections.ScoreForm(answers(templates.version(first.templateVersionId()).items(), random),
                List.of(), "校准评分", first.version(), null), principal(staff.byId(first.inspectorId()).orElseThrow()));
    }

    private StaffPrincipal person(Map<Long, StaffPrincipal> people, long accountId) {
        return people.computeIfAbsent(accountId, id -> principal(staff.byId(id).orElseThrow()));
    }

    private static StaffPrincipal principal(StaffDirectory.Staff s) {
        return new StaffPrincipal(s.accountId(), s.username(), s.displayName(), s.orgNodeId(), "", Set.of(), Set.of());
    }
}
