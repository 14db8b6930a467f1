package org.openhotline.workorder.internal.appeals;

import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.Satisfaction;

/**
 * One appeal and its decision. PENDING → UPHELD / REJECTED by the supervisor, or → ESCALATED and then UPHELD /
 * REJECTED by the manager; a decided appeal does not change again.
 */
class Appeal {

    enum State {
        PENDING("待审核"), ESCALATED("已提交主管"), UPHELD("申诉成立"), REJECTED("申诉驳回");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    Long id;
    long workOrderId;
    long assignmentId;
    long unitId;
    String unitPath;
    String unitName;
    AppealKind kind;
    String reason;
    List<Long> attachmentIds = List.of();
    Instant judgedAt;
    Instant windowEndsAt;
    State state = State.PENDING;
    String submittedBy;
    String submittedName;
    Instant submittedAt;
    String reviewedBy;
    Instant reviewedAt;
    String reviewNote;
    String decidedBy;
    Instant decidedAt;
    String decisionNote;
    /** The grade an upheld appeal against a dissatisfied callback gave it (改判); null: the order is only excluded. */
    Satisfaction regrade;
    int version;

    /** The supervisor's review: uphold or reject decides, escalate hands the decision to the manager. */
    void review(Decision decision, String note, Satisfaction regrade, Actor by, Instant now) {
        if (state != State.PENDING) {
            throw DomainException.conflict("该申诉" + state.label + "，不能再审核").with("state", state.name());
        }
        if (submittedBy.equals(by.username())) {
            throw DomainException.forbidden("不能审核自己提交的申诉");
        }
        if (regrade != null && decision != Decision.UPHOLD) {
            throw DomainException.invalid("只有申诉成立时才能改判回访结果");
        }
        reviewedBy = by.username();
        reviewedAt = now;
        reviewNote = note;
        switch (decision) {
            case UPHOLD -> decide(true, note, regrade, by, now);
            case REJECT -> decide(false, note, null, by, now);
            case ESCALATE -> state = State.ESCALATED;
        }
    }

    /** The manager's decision on an escalated appeal. */
    void decideEscalated(boolean upheld, String note, Satisfaction regrade, Actor by, Instant now) {
        if (state != State.ESCALATED) {
            throw DomainException.conflict("只有已提交主管的申诉由主管决定，该申诉" + state.label).with("state", state.name());
        }
        if (regrade != null && !upheld) {
            throw DomainException.invalid("只有申诉成立时才能改判回访结果");
        }
        decide(upheld, note, regrade, by, now);
    }

    /**
     * Decides; an upheld appeal against a dissatisfied callback may change its result (改判, 003 "剔除…或改判") to a
     * better grade instead of leaving the KPI — other kinds have no result to change.
     */
    private void decide(boolean upheld, String note, Satisfaction regrade, Actor by, Instant now) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("请填写审核意见（将作为指标剔除或驳回的理由）");
        }
        if (regrade != null && kind != AppealKind.DISSATISFIED_CALLBACK) {
            throw DomainException.invalid("只有不满意回访的申诉可以改判回访结果，" + kind.label() + "的申诉成立即不计入相关指标");
        }
        if (regrade == Satisfaction.DISSATISFIED) {
            throw DomainException.invalid("改判结果须为“满意”或“基本满意”");
        }
        this.regrade = regrade;
        state = upheld ? State.UPHELD : State.REJECTED;
        decidedBy = by.username();
        decidedAt = now;
        decisionNote = note;
    }

    enum Decision { UPHOLD, REJECT, ESCALATE }
}
