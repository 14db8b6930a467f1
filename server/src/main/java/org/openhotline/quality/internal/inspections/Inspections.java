package org.openhotline.quality.internal.inspections;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.quality.InspectionResults.InspectionScored;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with inspections: tasks are assigned (by a plan or a calibration), the inspector saves drafts and
 * submits, the agent confirms or appeals within the working days set in {@code qc_setting}, the reviewer decides the
 * appeal. Each step is on the inspection's timeline ({@code qc_step}) and in the audit trail; a final score is
 * published as {@link InspectionScored} in the same transaction (ADR 004).
 */
@Service
public class Inspections {

    public record NewTask(Long planId, Long calibrationId, long templateVersionId, String callId, Long orderId,
                          long agentId, long inspectorId, String stratum, Instant dueAt) {}

    /** {@code complaint}: a 有理由投诉 finding (COMPLAINT, COMPLAINT_ESCALATED) or null. */
    public record ScoreForm(Map<String, Answer> answers, List<Comment> comments, String summary, Integer version,
                            String complaint) {}

    private final JdbcClient jdbc;
    private final InspectionStore store;
    private final Templates templates;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inspections(JdbcClient jdbc, InspectionStore store, Templates templates, BusinessCalendar calendar,
                ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.templates = templates;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public List<Long> assign(List<NewTask> tasks, StaffPrincipal me) {
        Instant now = clock.instant();
        return tasks.stream().map(t -> {
            long id = jdbc.sql("""
                    insert into qc_inspection (plan_id, calibration_id, template_version_id, call_id, order_id, agent_id,
                                               inspector_id, stratum, state, due_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?) returning id""")
                    .params(t.planId(), t.calibrationId(), t.templateVersionId(), t.callId(), t.orderId(), t.agentId(),
                            t.inspectorId(), t.stratum(), InspectionStore.ts(t.dueAt()), InspectionStore.ts(now))
                    .query(Long.class).single();
            store.step(id, now, me.username(), "assigned", t.calibrationId() != null ? "校准任务" : null);
            return id;
        }).toList();
    }

    /** The appeal deadline setting: working days after the result is submitted. */
    public int appealWorkingDays() {
        return jdbc.sql("select value from qc_setting where key = 'appeal-working-days'").query(Integer.class).optional().orElse(3);
    }

    @Transactional
    public void setAppealWorkingDays(int days) {
        if (days < 1 || days > 30) {
            throw DomainException.badRequest("申诉期限应为 1 到 30 个工作日");
        }
        jdbc.sql("""
                insert into qc_setting (key, value) values ('appeal-working-days', ?)
                on conflict (key) do update set value = excluded.value""").param(String.valueOf(days)).update();
    }

    @Transactional
    public void draft(long id, ScoreForm form, StaffPrincipal me) {
        Inspection i = loaded(id, form.version());
        i.saveDraft(me.accountId(), answers(form), comments(form, me), summary(form.summary()), templates.version(i.templateVersionId).items());
        store.update(i);
    }

    @Transactional
    public void submit(long id, ScoreForm form, StaffPrincipal me) {
        Inspection i = loaded(id, form.version());
        Instant now = clock.instant();
        Instant due = calendar.dueAt(now, TimeLimit.of(appealWorkingDays(), LimitUnit.WORKING_DAYS));
        i.submit(me.accountId(), answers(form), comments(form, me), summary(form.summary()), templates.version(i.templateVersionId).items(),
                now, due);
        i.findComplaint(form.complaint());
        store.update(i);
        store.step(id, now, me.username(), "submitted", "得分 " + i.score.stripTrailingZeros().toPlainString() + (i.fatal ? "（一票否决）" : ""));
        scored(i, now, "quality.inspection-submitted");
    }

    @Transactional
    public void confirm(long id, int version, StaffPrincipal me) {
        Inspection i = loaded(id, version);
        i.confirm(me.accountId());
        store.update(i);
        store.step(id, clock.instant(), me.username(), "confirmed", null);
        events.publishEvent(new QcAudited("quality.result-confirmed", id, Map.of()));
    }

    @Transactional
    public void appeal(long id, String reason, int version, StaffPrincipal me) {
        String text = required(reason, "请填写申诉理由（不超过 1000 字）");
        Inspection i = loaded(id, version);
        i.appeal(me.accountId(), text, clock.instant());
        store.update(i);
        store.step(id, clock.instant(), me.username(), "appealed", text);
        events.publishEvent(new QcAudited("quality.result-appealed", id, Map.of("reason", text)));
    }

    @Transactional
    public void review(long id, Map<String, Answer> answers, String reason, int version, StaffPrincipal me) {
        review(id, answers, reason, version, null, me);
    }

    /** {@code complaint}: null keeps the first finding, {@code NONE} withdraws it, else the new finding. */
    @Transactional
    public void review(long id, Map<String, Answer> answers, String reason, int version, String complaint, StaffPrincipal me) {
        String text = required(reason, "请填写复核理由（不超过 1000 字）");
        Inspection i = loaded(id, version);
        if (!me.can("qc:lead") && !me.can("qc:inspect")) {
            throw DomainException.forbidden("只有质检员或质检组长可以进行二次质检");
        }
        var before = i.score;
        Instant now = clock.instant();
        i.review(me.accountId(), answers == null ? i.answers : answers, text, templates.version(i.templateVersionId).items(), now);
        if (complaint != null) {
            i.findComplaint("NONE".equals(complaint) ? null : complaint);
        }
        store.update(i);
        String change = before.compareTo(i.score) == 0 ? "维持原分 " + plain(i.score) : "改分 " + plain(before) + " → " + plain(i.score);
        store.step(id, now, me.username(), "reviewed", change + "；" + text);
        scored(i, now, "quality.appeal-reviewed");
    }

    private void scored(Inspection i, Instant now, String action) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("score", i.score);
        details.put("fatal", i.fatal);
        events.publishEvent(new QcAudited(action, i.id, details));
        if (!i.calibration()) {
            events.publishEvent(new InspectionScored(i.id, i.callId, i.orderId, i.agentId, i.score, i.fatal, now, lostItems(i),
                    i.complaint));
        }
    }

    /** The keys of the items that lost points or were hit as fatal, sorted (as {@code rpt_source_qc} lists them). */
    private static List<String> lostItems(Inspection i) {
        return i.answers.entrySet().stream()
                .filter(e -> e.getValue().fatal() || (e.getValue().deduction() != null && e.getValue().deduction().signum() > 0))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Inspection loaded(long id, Integer version) {
        if (version == null) {
            throw DomainException.badRequest("缺少版本号 version");
        }
        Inspection i = store.load(id);
        if (i.version != version) {
            throw DomainException.conflict("该质检任务已被他人修改，请刷新后重试");
        }
        return i;
    }

    private static Map<String, Answer> answers(ScoreForm form) {
        return form.answers() == null ? Map.of() : form.answers();
    }

    private static List<Comment> comments(ScoreForm form, StaffPrincipal me) {
        List<Comment> in = form.comments() == null ? List.of() : form.comments();
        if (in.size() > 100) {
            throw DomainException.badRequest("评语不超过 100 条");
        }
        for (Comment c : in) {
            if (c == null || c.text() == null || c.text().isBlank() || c.text().length() > 500) {
                throw DomainException.badRequest("每条评语应有内容且不超过 500 字");
            }
            if (c.at() != null && (c.at() < 0 || c.at() > 86_400)) {
                throw DomainException.badRequest("评语的时间点不在录音范围内");
            }
        }
        return in.stream().map(c -> new Comment(c.at(), c.text().trim(), c.by() == null ? me.displayName() : c.by())).toList();
    }

    private static String summary(String s) {
        if (s != null && s.length() > 1000) {
            throw DomainException.badRequest("总评不超过 1000 字");
        }
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String required(String s, String message) {
        if (s == null || s.isBlank() || s.length() > 1000) {
            throw DomainException.badRequest(message);
        }
        return s.trim();
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? "—" : d.stripTrailingZeros().toPlainString();
    }
}
