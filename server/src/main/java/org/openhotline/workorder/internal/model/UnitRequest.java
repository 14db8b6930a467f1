package org.openhotline.workorder.internal.model;

import java.time.Instant;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.values.Actor;

/** A unit's request to the hotline: return the order (not our duty) or extend the handling deadline. */
public class UnitRequest {

    public enum Kind { RETURN, EXTENSION }

    Long id;
    final Assignment assignment;
    final Kind kind;
    final String reason;
    final Integer amount;
    final LimitUnit unit;
    String state;
    final String requestedBy;
    final Instant requestedAt;
    String decidedBy;
    Instant decidedAt;
    String decisionNote;
    boolean dirty;

    public Kind kind() {
        return kind;
    }

    UnitRequest(Long id, Assignment assignment, Kind kind, String reason, Integer amount, LimitUnit unit, String state,
                String requestedBy, Instant requestedAt) {
        this.id = id;
        this.assignment = assignment;
        this.kind = kind;
        this.reason = reason;
        this.amount = amount;
        this.unit = unit;
        this.state = state;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    boolean isPending() {
        return state.equals("PENDING");
    }

    void decide(boolean approve, String note, Actor by, Instant now) {
        if (!isPending()) {
            throw DomainException.conflict("该申请已处理，不能重复审核");
        }
        state = approve ? "APPROVED" : "REJECTED";
        decisionNote = note;
        decidedBy = by.username();
        decidedAt = now;
        dirty = true;
    }

    String label() {
        return kind == Kind.RETURN ? "退回申请" : "延期申请";
    }
}
