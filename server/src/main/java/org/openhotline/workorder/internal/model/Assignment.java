package org.openhotline.workorder.internal.model;

import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AssignmentRole;
import org.openhotline.workorder.internal.values.AssignmentState;

/**
 * One unit's part of a work order, with its own sign-for and handling deadlines. It guards its own state; the
 * order ({@link WorkOrder}) decides what a step means for the whole.
 */
public class Assignment {

    Long id;
    final long unitId;
    final String unitPath;
    final String unitName;
    final AssignmentRole role;
    final Long parentId;
    AssignmentState state;
    AssignmentState stateBefore;
    final String instruction;
    final String assignedBy;
    final Instant assignedAt;
    Instant signDueAt;
    Instant handleStartAt;
    Instant handleDueAt;
    Instant signedAt;
    String signedBy;
    Instant repliedAt;
    String repliedBy;
    String reply;
    List<Long> citedArticles = List.of();
    String signLight = "GREEN";
    String handleLight = "GREEN";
    int extensions;

    public long unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public long id() {
        return id;
    }

    public String unitName() {
        return unitName;
    }

    public Instant signDueAt() {
        return signDueAt;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public Instant handleDueAt() {
        return handleDueAt;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    Assignment(Long id, long unitId, String unitPath, String unitName, AssignmentRole role, Long parentId,
               AssignmentState state, String instruction, String assignedBy, Instant assignedAt) {
        this.id = id;
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.unitName = unitName;
        this.role = role;
        this.parentId = parentId;
        this.state = state;
        this.instruction = instruction;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    void sign(Actor by, Instant now) {
        if (state != AssignmentState.PENDING_SIGN) {
            throw refused("签收");
        }
        state = AssignmentState.HANDLING;
        signedAt = now;
        signedBy = by.username();
    }

    void askToReturn() {
        if (state != AssignmentState.PENDING_SIGN && state != AssignmentState.HANDLING) {
            throw refused("申请退回");
        }
        stateBefore = state;
        state = AssignmentState.RETURN_REQUESTED;
    }

    void returnRejected() {
        state = stateBefore == null ? AssignmentState.HANDLING : stateBefore;
        stateBefore = null;
    }

    void requireHandling(String what) {
        if (state == AssignmentState.PENDING_SIGN) {
            throw DomainException.conflict("请先签收再" + what);
        }
        if (state != AssignmentState.HANDLING) {
            throw refused(what);
        }
    }

    void reply(String text, List<Long> cited, Actor by, Instant now) {
        requireHandling("答复");
        state = AssignmentState.REPLIED;
        reply = text;
        citedArticles = cited == null ? List.of() : List.copyOf(cited);
        repliedAt = now;
        repliedBy = by.username();
    }

    /** Back to work after a rejected reply review or a dissatisfied callback, with a new deadline. */
    void reopen(Instant handleStart, Instant handleDue) {
        state = AssignmentState.HANDLING;
        handleStartAt = handleStart;
        handleDueAt = handleDue;
        handleLight = "GREEN";
    }

    void finish(AssignmentState end) {
        state = end;
    }

    boolean signedOnTime() {
        return signedAt != null && !signedAt.isAfter(signDueAt);
    }

    boolean repliedOnTime() {
        return repliedAt != null && !repliedAt.isAfter(handleDueAt);
    }

    public boolean isActive() {
        return state.isActive();
    }

    private DomainException refused(String what) {
        return DomainException.conflict(unitName + "的任务当前" + state.label() + "，不能" + what)
                .with("assignmentState", state.name());
    }
}
