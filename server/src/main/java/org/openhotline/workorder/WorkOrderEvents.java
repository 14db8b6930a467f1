package org.openhotline.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * What happened to a work order, as past-tense records of ids and values, published in the transaction of the
 * step (reporting, notification and exchange listen to them).
 */
public final class WorkOrderEvents {

    private WorkOrderEvents() {}

    /** Every work-order event names its order and when it happened. */
    public sealed interface WorkOrderEvent {
        long workOrderId();

        Instant at();
    }

    /** A new order; {@code regionPath} is the materialized path of its region (data scope of reports), or null. */
    public record WorkOrderCreated(long workOrderId, String number, String channel, String appealType,
                                   String urgency, Long categoryId, Long regionId, String regionPath, Instant at)
            implements WorkOrderEvent {}

    public record WorkOrderSentForReview(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderReviewApproved(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderRepliedDirectly(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderForwarded(long workOrderId, String platform, Instant at) implements WorkOrderEvent {}

    public record WorkOrderDispatched(long workOrderId, long mainUnitId, List<Long> assistingUnitIds,
                                      boolean collaboration, Instant at) implements WorkOrderEvent {}

    public record WorkOrderRedispatched(long workOrderId, long fromAssignmentId, long mainUnitId,
                                        List<Long> assistingUnitIds, Instant at) implements WorkOrderEvent {}

    /**
     * An assignment was made (dispatch, re-dispatch, hand-over to a sub-unit): {@code role} is MAIN, ASSIST or SUB;
     * the due times are the ones the calendar computed when it was made.
     */
    public record AssignmentCreated(long workOrderId, long assignmentId, long unitId, String unitPath, String role,
                                    Instant signDueAt, Instant handleDueAt, Instant at) implements WorkOrderEvent {}

    /** An assignment is handled again (reply sent back, citizen dissatisfied) with a new handling deadline. */
    public record AssignmentReopened(long workOrderId, long assignmentId, Instant handleDueAt, Instant at)
            implements WorkOrderEvent {}

    public record AssignmentSigned(long workOrderId, long assignmentId, long unitId, boolean onTime, Instant at)
            implements WorkOrderEvent {}

    public record ReturnRequested(long workOrderId, long assignmentId, long unitId, Instant at) implements WorkOrderEvent {}

    /** {@code reason} is the unit's reason for asking to return (null in events published before it was added). */
    public record ReturnDecided(long workOrderId, long assignmentId, long unitId, boolean approved, Instant at,
                                String reason) implements WorkOrderEvent {

        public ReturnDecided(long workOrderId, long assignmentId, long unitId, boolean approved, Instant at) {
            this(workOrderId, assignmentId, unitId, approved, at, null);
        }
    }

    public record ExtensionRequested(long workOrderId, long assignmentId, long unitId, Instant at)
            implements WorkOrderEvent {}

    public record ExtensionDecided(long workOrderId, long assignmentId, boolean approved, Instant newDueAt, Instant at)
            implements WorkOrderEvent {}

    public record AssignmentHandedOver(long workOrderId, long fromAssignmentId, long subUnitId, Instant at)
            implements WorkOrderEvent {}

    public record AssignmentReplied(long workOrderId, long assignmentId, long unitId, boolean onTime,
                                    List<Long> citedArticleIds, Instant at) implements WorkOrderEvent {}

    public record ReplyReviewed(long workOrderId, boolean accepted, Instant at) implements WorkOrderEvent {}

    public record CallbackRecorded(long workOrderId, boolean resolved, String satisfaction, Instant at)
            implements WorkOrderEvent {}

    public record WorkOrderReopened(long workOrderId, int dissatisfiedCount, Instant at) implements WorkOrderEvent {}

    public record WorkOrderMarkedDifficult(long workOrderId, Instant at) implements WorkOrderEvent {}

    /** A callback attempt did not reach the citizen (联系不上/未接通); {@code attempt} counts from 1. */
    public record CallbackUnreachable(long workOrderId, int attempt, Instant at) implements WorkOrderEvent {}

    public record WorkOrderClosed(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderUrged(long workOrderId, int urgeCount, Instant at) implements WorkOrderEvent {}

    public record WorkOrderSupplemented(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderWithdrawn(long workOrderId, Instant at) implements WorkOrderEvent {}

    public record WorkOrderSupervised(long workOrderId, Instant dueAt, Instant at) implements WorkOrderEvent {}

    public record WorkOrderMerged(long workOrderId, long intoWorkOrderId, Instant at) implements WorkOrderEvent {}

    /** A deadline's light changed: {@code stage} is SIGN, HANDLE or the order's own DISPATCH/CALLBACK stage. */
    public record WorkOrderLightChanged(long workOrderId, Long assignmentId, String stage, String light, Instant at)
            implements WorkOrderEvent {}

    /** A handling unit looked at the citizen's full number (an admin allowed it): audited with the reason given. */
    public record CallerUnmaskedByUnit(long workOrderId, String number, String reason, Instant at)
            implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return "workorder.caller-unmasked-by-unit";
        }

        @Override
        public String target() {
            return "work-order:" + number;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    /**
     * A handling unit appealed a judgment counted against it (工单申诉): {@code kind} DISSATISFIED_CALLBACK,
     * MISDIRECTED or LATE_SIGN, {@code kpiCode} the KPI the judgment counts in.
     */
    public record AppealSubmitted(long workOrderId, long appealId, long unitId, String kind, String kpiCode, Instant at)
            implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return "workorder.appeal-submitted";
        }

        @Override
        public String target() {
            return "work-order-appeal:" + appealId;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("workOrderId", workOrderId, "unitId", unitId, "kind", kind, "kpiCode", kpiCode);
        }
    }

    /**
     * The supervisor (or, when escalated, the manager) decided an appeal; upheld: the order leaves {@code kpiCode} for
     * the unit — or, when {@code regrade} is given (a dissatisfied callback, 改判: SATISFIED or BASICALLY_SATISFIED),
     * stays in it with that grade.
     */
    public record AppealDecided(long workOrderId, long appealId, long unitId, String kind, String kpiCode,
                                boolean upheld, String reason, String decidedBy, Instant at, String regrade)
            implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return upheld ? "workorder.appeal-upheld" : "workorder.appeal-rejected";
        }

        @Override
        public String target() {
            return "work-order-appeal:" + appealId;
        }

        @Override
        public Map<String, Object> details() {
            return regrade == null
                    ? Map.of("workOrderId", workOrderId, "unitId", unitId, "kpiCode", kpiCode, "reason", reason)
                    : Map.of("workOrderId", workOrderId, "unitId", unitId, "kpiCode", kpiCode, "reason", reason,
                             "regrade", regrade);
        }
    }

    /** An appeal went up to the hotline manager. */
    public record AppealEscalated(long workOrderId, long appealId, Instant at) implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return "workorder.appeal-escalated";
        }

        @Override
        public String target() {
            return "work-order-appeal:" + appealId;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("workOrderId", workOrderId);
        }
    }

    /** A special order's second review (特殊单审核) at {@code gate} DISPATCH or CLOSE. */
    public record SpecialOrderReviewed(long workOrderId, String gate, boolean approved, String by, Instant at)
            implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return "workorder.special-reviewed";
        }

        @Override
        public String target() {
            return "work-order:" + workOrderId;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("gate", gate, "approved", approved);
        }
    }

    /** A unit recorded how it verified the matter (工单核实). */
    public record OrderVerified(long workOrderId, long assignmentId, String means, Instant at) implements WorkOrderEvent {}

    /** A caller's full number was shown: audited with who, when and which order. */
    public record CallerUnmasked(long workOrderId, String number, Instant at) implements WorkOrderEvent, AuditableEvent {
        @Override
        public String action() {
            return "workorder.caller-unmasked";
        }

        @Override
        public String target() {
            return "work-order:" + number;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("workOrderId", workOrderId);
        }
    }
}
