package org.openhotline.quality.internal.inspections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.templates.ScoreSheet;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.TemplateItem;
import org.openhotline.shared.DomainException;

/**
 * One inspection (质检任务 until submitted, then 质检结果): it guards its own steps. The inspector drafts and submits;
 * the agent confirms or appeals before the deadline; a second inspector or the QC lead reviews the appeal (二次质检)
 * and confirms or changes the score with a reason. The first score stays on record.
 */
public final class Inspection {

    public enum State { ASSIGNED, DRAFT, SUBMITTED, CONFIRMED, APPEALED, REVIEWED }

    final long id;
    final Long planId;
    final Long calibrationId;
    final long templateVersionId;
    final String callId;
    final Long orderId;
    final long agentId;
    final long inspectorId;
    final int version;
    State state;
    Map<String, Answer> answers;
    List<Comment> comments;
    String summary;
    BigDecimal score;
    boolean fatal;
    BigDecimal firstScore;
    Instant submittedAt;
    Instant appealDueAt;
    String appealReason;
    Instant appealedAt;
    Long reviewerId;
    String reviewReason;
    Instant reviewedAt;
    String complaint;

    Inspection(long id, Long planId, Long calibrationId, long templateVersionId, String callId, Long orderId, long agentId,
               long inspectorId, int version, State state) {
        this.id = id;
        this.planId = planId;
        this.calibrationId = calibrationId;
        this.templateVersionId = templateVersionId;
        this.callId = callId;
        this.orderId = orderId;
        this.agentId = agentId;
        this.inspectorId = inspectorId;
        this.version = version;
        this.state = state;
    }

    public boolean calibration() {
        return calibrationId != null;
    }

    void saveDraft(long by, Map<String, Answer> answers, List<Comment> comments, String summary, List<TemplateItem> items) {
        mustBeInspector(by);
        mustBeOpen();
        ScoreSheet.score(items, answers); // checks the answers; a draft keeps no score
        this.answers = answers;
        this.comments = comments;
        this.summary = summary;
        this.state = State.DRAFT;
    }

    void submit(long by, Map<String, Answer> answers, List<Comment> comments, String summary, List<TemplateItem> items,
                Instant now, Instant appealDue) {
        mustBeInspector(by);
        mustBeOpen();
        ScoreSheet.Score s = ScoreSheet.score(items, answers);
        this.answers = answers;
        this.comments = comments;
        this.summary = summary;
        this.score = s.score();
        this.fatal = s.fatal();
        this.firstScore = s.score();
        this.submittedAt = now;
        this.appealDueAt = calibration() ? null : appealDue;
        this.state = State.SUBMITTED;
    }

    void confirm(long by) {
        mustBeAgent(by);
        if (state != State.SUBMITTED) {
            throw DomainException.conflict("该质检结果当前不能确认");
        }
        this.state = State.CONFIRMED;
    }

    void appeal(long by, String reason, Instant now) {
        mustBeAgent(by);
        if (state != State.SUBMITTED) {
            throw DomainException.conflict("该质检结果当前不能申诉（已确认或已申诉）");
        }
        if (appealDueAt == null || now.isAfter(appealDueAt)) {
            throw DomainException.conflict("申诉期限已过，不能再申诉");
        }
        this.appealReason = reason;
        this.appealedAt = now;
        this.state = State.APPEALED;
    }

    /** 二次质检: someone other than the first inspector decides; new answers may change the score. */
    void review(long by, Map<String, Answer> answers, String reason, List<TemplateItem> items, Instant now) {
        if (by == inspectorId) {
            throw DomainException.forbidden("二次质检须由其他质检员或质检组长进行");
        }
        if (state != State.APPEALED) {
            throw DomainException.conflict("该质检结果没有待复核的申诉");
        }
        ScoreSheet.Score s = ScoreSheet.score(items, answers);
        this.answers = answers;
        this.score = s.score();
        this.fatal = s.fatal();
        this.reviewerId = by;
        this.reviewReason = reason;
        this.reviewedAt = now;
        this.state = State.REVIEWED;
    }

    /** 有理由投诉: a finding only on a scored call or order result (not a calibration sheet). */
    void findComplaint(String finding) {
        if (finding != null && !finding.equals("COMPLAINT") && !finding.equals("COMPLAINT_ESCALATED")) {
            throw DomainException.badRequest("有理由投诉应为 COMPLAINT（有理由投诉）或 COMPLAINT_ESCALATED（领导或媒体投诉）");
        }
        if (finding != null && calibration()) {
            throw DomainException.badRequest("校准任务不记录有理由投诉");
        }
        this.complaint = finding;
    }

    private void mustBeInspector(long by) {
        if (by != inspectorId) {
            throw DomainException.forbidden("只有分配到该任务的质检员可以评分");
        }
    }

    private void mustBeAgent(long by) {
        if (by != agentId || calibration()) {
            throw DomainException.forbidden("只有被质检的坐席本人可以确认或申诉");
        }
    }

    private void mustBeOpen() {
        if (state != State.ASSIGNED && state != State.DRAFT) {
            throw DomainException.conflict("该质检任务已提交，不能再修改");
        }
    }
}
