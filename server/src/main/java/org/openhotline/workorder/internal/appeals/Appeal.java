package org.openhotline.workorder.internal.appeals;

import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.values.Actor;

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
    int version;

    /** The supervisor's review: uphold or reject decides, escalate hands the decision to the manager. */
    void review(Decision decision, String note, Actor by, Instant now) {
        if (state != State.PENDING) {
            throw DomainException.conflict("该申诉" + state.label + "，不能再审核").with("state", state.name());
        }
        if (submittedBy.equals(by.username())) {
            throw DomainException.forbidden("不能审核自己提交的申诉");
        }
        reviewedBy = by.username();
        reviewedAt = now;
        reviewNote = note;
        switch (decision) {
            case UPHOLD -> decide(true, note, by, now);
            case REJECT -> decide(false, note, by, now);
            case ESCALATE -> state = State.ESCALATED;
        }
    }

    /** The manager's decision on an escalated appeal. */
    void decideEscalated(boolean upheld, String note, Actor by, Instant now) {
        if (state != State.ESCALATED) {
            throw DomainException.conflict("只有已提交主管的申诉由主管决定，该申诉" + state.label).with("state", state.name());
        }
        decide(upheld, note, by, now);
    }

    private void decide(boolean upheld, String note, Actor by, Instant now) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("请填写审核意见（将作为指标剔除或驳回的理由）");
        }
        state = upheld ? State.UPHELD : State.REJECTED;
        decidedBy = by.username();
        decidedAt = now;
        decisionNote = note;
    }

    enum Decision { UPHOLD, REJECT, ESCALATE }
}
