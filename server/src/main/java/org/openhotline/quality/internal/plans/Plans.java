package org.openhotline.quality.internal.plans;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.callcenter.CallsForInspection;
import org.openhotline.callcenter.CallsForInspection.AnsweredCall;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.quality.MachineFlags;
import org.openhotline.quality.internal.inspections.Inspections;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.OrdersForInspection;
import org.openhotline.workorder.OrdersForInspection.RecordedOrder;
import org.openhotline.workorder.OrdersOfCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sampling plans (抽检计划): a month, a share of each agent's answered calls — or, with a work-order template, of the
 * orders each agent recorded (工单质检) — strata weights, the inspectors. Drawing
 * a plan records its seed (given or random) and creates one inspection task per drawn call, due after the plan's
 * working days. Calls and orders already inspected are not drawn again.
 */
@Service
public class Plans {

    public record Form(String name, Long templateId, String month, BigDecimal sharePercent, Map<Stratum, Double> strata,
                       Integer longCallS, List<Long> inspectorIds, Integer dueDays, Long seed, Integer version) {}

    public record PlanView(long id, String name, long templateId, String month, BigDecimal sharePercent,
                           Map<Stratum, Double> strata, int longCallS, List<Long> inspectorIds, int dueDays, Long seed,
                           String state, Instant drawnAt, Integer drawnCount, String createdBy, int version) {}

    private static final TypeReference<Map<Stratum, Double>> STRATA = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Templates templates;
    private final Inspections inspections;
    private final CallsForInspection calls;
    private final OrdersOfCalls orders;
    private final ObjectProvider<MachineFlags> machineFlags;
    private final BusinessCalendar calendar;
    private final StaffDirectory staff;
    private final OrdersForInspection recordedOrders;

    Plans(JdbcClient jdbc, JsonMapper json, Clock clock, Templates templates, Inspections inspections,
          CallsForInspection calls, OrdersOfCalls orders, ObjectProvider<MachineFlags> machineFlags,
          BusinessCalendar calendar, StaffDirectory staff, OrdersForInspection recordedOrders) {
        this.recordedOrders = recordedOrders;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.templates = templates;
        this.inspections = inspections;
        this.calls = calls;
        this.orders = orders;
        this.machineFlags = machineFlags;
        this.calendar = calendar;
        this.staff = staff;
    }

    public List<PlanView> list() {
        return jdbc.sql("select * from qc_plan order by month desc, id desc").query((rs, n) -> new PlanView(
                rs.getLong("id"), rs.getString("name"), rs.getLong("template_id"), rs.getString("month"),
                rs.getBigDecimal("share_percent"), json.readValue(rs.getString("strata"), STRATA), rs.getInt("long_call_s"),
                List.of((Long[]) rs.getArray("inspector_ids").getArray()), rs.getInt("due_days"),
                (Long) rs.getObject("seed"), rs.getString("state"),
                rs.getTimestamp("drawn_at") == null ? null : rs.getTimestamp("drawn_at").toInstant(),
                (Integer) rs.getObject("drawn_count"), rs.getString("created_by"), rs.getInt("version"))).list();
    }

    public PlanView get(long id) {
        return list().stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> DomainException.notFound("抽检计划不存在"));
    }

    @Transactional
    public PlanView create(Form form, StaffPrincipal me) {
        checked(form);
        long id = jdbc.sql("""
                insert into qc_plan (name, template_id, month, share_percent, strata, long_call_s, inspector_ids, due_days,
                                     seed, state, created_by, created_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
                .params(form.name().trim(), form.templateId(), form.month(), form.sharePercent(), json.writeValueAsString(strata(form)),
                        longCall(form), form.inspectorIds().toArray(Long[]::new), form.dueDays(), form.seed(), me.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return get(id);
    }

    /** Draws the plan: the tasks exist when this returns; the plan keeps its seed so the draw can be repeated. */
    @Transactional
    public PlanView draw(long id, int version, StaffPrincipal me) {
        PlanView plan = get(id);
        if (!"DRAFT".equals(plan.state())) {
            throw DomainException.conflict("该计划已抽取过任务");
        }
        long seed = plan.seed() != null ? plan.seed() : new SecureRandom().nextLong();
        var template = templates.current(plan.templateId());
        YearMonth month = YearMonth.parse(plan.month());
        Instant from = month.atDay(1).atStartOfDay(calendar.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
        Instant due = calendar.dueAt(clock.instant(), TimeLimit.of(plan.dueDays(), LimitUnit.WORKING_DAYS));
        boolean ordersPlan = "ORDER".equals(templates.get(plan.templateId()).kind());
        List<Sampling.Drawn> drawn = ordersPlan ? drawOrders(plan, seed, from, to) : drawCalls(plan, seed, from, to);
        inspections.assign(drawn.stream().map(d -> new Inspections.NewTask(plan.id(), null, template.id(),
                ordersPlan ? null : d.callId(), ordersPlan ? Long.valueOf(d.callId()) : null,
                d.agentId(), d.inspectorId(), d.stratum() == null ? null : d.stratum().name(), due)).toList(), me);
        int updated = jdbc.sql("""
                update qc_plan set state = 'DRAWN', seed = ?, drawn_at = ?, drawn_count = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(seed, Timestamp.from(clock.instant()), drawn.size(), id, version).update();
        if (updated == 0) {
            throw DomainException.conflict("该计划已被他人修改，请刷新后重试");
        }
        return get(id);
    }

    private List<Sampling.Drawn> drawCalls(PlanView plan, long seed, Instant from, Instant to) {
        List<AnsweredCall> all = calls.answeredBetween(from, to);
        Set<String> inspected = new HashSet<>(jdbc.sql(
                "select call_id from qc_inspection where call_id = any(?) and calibration_id is null")
                .param(all.stream().map(AnsweredCall::callId).toArray(String[]::new)).query(String.class).list());
        List<AnsweredCall> answered = all.stream().filter(c -> !inspected.contains(c.callId())).toList();
        Set<String> complaints = new HashSet<>();
        orders.ofCalls(answered.stream().map(AnsweredCall::callId).toList()).stream()
                .filter(o -> "COMPLAINT".equals(o.appealType())).forEach(o -> complaints.add(o.callId()));
        Set<String> flagged = machineFlags.getIfAvailable(() -> MachineFlags.NONE).flaggedBetween(from, to);
        return Sampling.draw(Strata.of(answered, complaints, flagged, plan.longCallS()),
                plan.sharePercent(), plan.strata(), seed, plan.inspectorIds());
    }

    /** 工单质检: each agent's share of the orders they recorded in the month, not inspected before. */
    private List<Sampling.Drawn> drawOrders(PlanView plan, long seed, Instant from, Instant to) {
        List<RecordedOrder> all = recordedOrders.recordedBetween(from, to);
        Set<Long> inspected = new HashSet<>(jdbc.sql(
                "select order_id from qc_inspection where order_id = any(?) and call_id is null and calibration_id is null")
                .param(all.stream().map(RecordedOrder::id).toArray(Long[]::new)).query(Long.class).list());
        Map<String, Long> agents = new HashMap<>();
        staff.withRole(Role.AGENT).forEach(a -> agents.put(a.username(), a.accountId()));
        List<Sampling.Drawn> drawn = Sampling.draw(
                OrderStrata.of(all.stream().filter(o -> !inspected.contains(o.id())).toList(), agents),
                plan.sharePercent(), plan.strata(), seed, plan.inspectorIds());
        // the candidate key was the zero-padded order id; the task keeps the id itself
        return drawn.stream().map(d -> new Sampling.Drawn(String.valueOf(Long.parseLong(d.callId())), d.agentId(), d.stratum(),
                d.inspectorId())).toList();
    }

    private void checked(Form form) {
        if (form == null || form.name() == null || form.name().isBlank() || form.name().length() > 100) {
            throw DomainException.badRequest("请填写计划名称（不超过 100 字）");
        }
        if (form.templateId() == null) {
            throw DomainException.badRequest("请选择质检模板");
        }
        try {
            YearMonth.parse(form.month() == null ? "" : form.month());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("月份格式应为 2026-12");
        }
        if (form.sharePercent() == null || form.sharePercent().signum() <= 0 || form.sharePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw DomainException.badRequest("抽检比例应在 0 到 100% 之间");
        }
        if (form.dueDays() == null || form.dueDays() < 1 || form.dueDays() > 30) {
            throw DomainException.badRequest("完成期限应为 1 到 30 个工作日");
        }
        if (form.longCallS() != null && (form.longCallS() < 60 || form.longCallS() > 7200)) {
            throw DomainException.badRequest("长通话阈值应在 60 到 7200 秒之间");
        }
        if (form.inspectorIds() == null || form.inspectorIds().isEmpty() || form.inspectorIds().size() > 50) {
            throw DomainException.badRequest("请选择 1 到 50 名质检员");
        }
        if (form.inspectorIds().contains(null)) {
            throw DomainException.badRequest("请选择 1 到 50 名质检员");
        }
        var found = staff.byIds(new HashSet<>(form.inspectorIds()));
        if (found.size() != new HashSet<>(form.inspectorIds()).size()
                || found.stream().anyMatch(s -> !s.enabled() || s.roles().stream().noneMatch(r -> r.name().equals("QC_INSPECTOR")))) {
            throw DomainException.badRequest("所选人员中有人不是在用的质检员");
        }
        if (strata(form).containsKey(null)) {
            throw DomainException.badRequest("未知的抽样分层");
        }
        for (Double w : strata(form).values()) {
            if (w == null || w < 0 || w > 100) {
                throw DomainException.badRequest("分层权重应在 0 到 100 之间");
            }
        }
    }

    private static Map<Stratum, Double> strata(Form form) {
        return form.strata() == null ? new EnumMap<>(Stratum.class) : new LinkedHashMap<>(form.strata());
    }

    private static int longCall(Form form) {
        return form.longCallS() == null ? 600 : form.longCallS();
    }
}
