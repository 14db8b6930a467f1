package org.openhotline.workorder.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.WorkOrderEvents;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.AssignmentRole;
import org.openhotline.workorder.internal.values.AssignmentState;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.OrderState;
import org.openhotline.workorder.internal.values.Platform;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.http.HttpStatus;

/**
 * The work-order aggregate on its own: no Spring, no database, time moved by hand. Each step is tried in the states
 * that allow it and refused (409, nothing changed) in the others.
 */
class WorkOrderTest {

    static final Actor AGENT = new Actor("agent1", "话务员 甲");
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员 乙");
    static final Actor HANDLER = new Actor("zjj1", "住建局 丙");
    static final Actor CALLBACK = new Actor("callback1", "回访员 丁");
    static final UnitTarget ZJJ = new UnitTarget(10, "/1/10/", "住建局");
    static final UnitTarget CGJ = new UnitTarget(11, "/1/11/", "城管局");
    static final UnitTarget ZJJ_SUB = new UnitTarget(12, "/1/10/12/", "住建局物业科");

    Instant now = Instant.parse("2026-11-23T01:00:00Z");
    long nextId = 100;

    /** Fixed limits: dispatch and sign 24 h, handling 5 days, callback 24 h. */
    final OrderDeadlines deadlines = new OrderDeadlines() {
        public Deadline dispatch(WorkOrder o, Instant from) {
            return Deadline.between(from, from.plus(Duration.ofHours(24)), 80);
        }

        public Deadline sign(WorkOrder o, Instant from) {
            return Deadline.between(from, from.plus(Duration.ofHours(24)), 80);
        }

        public Deadline handle(WorkOrder o, Instant from) {
            return Deadline.between(from, from.plus(Duration.ofDays(5)), 80);
        }

        public Deadline callback(WorkOrder o, Instant from) {
            return Deadline.between(from, from.plus(Duration.ofHours(24)), 80);
        }

        public Deadline extended(Instant start, Instant due, TimeLimit extra) {
            return Deadline.between(start, due.plus(Duration.ofDays(extra.amount())), 80);
        }
    };

    WorkOrder o;

    @BeforeEach
    void taken() {
        o = new WorkOrder();
        o.id = 1L;
        o.number = "20261123000001";
        o.channel = Channel.PHONE;
        o.appealType = AppealType.COMPLAINT;
        o.urgency = Urgency.NORMAL;
        o.content = "工地夜间施工噪音扰民";
        o.title = o.content;
        o.createdAt = now;
        o.created(AGENT, now, deadlines);
        saved();
    }

    /** What the repository does after a step: ids for new rows, the recorded steps and events cleared. */
    List<String> saved() {
        o.assignments.stream().filter(a -> a.id == null).forEach(a -> a.id = nextId++);
        o.requests.stream().filter(r -> r.id == null).forEach(r -> r.id = nextId++);
        List<String> actions = o.steps.stream().map(WorkOrder.Step::action).toList();
        o.steps.clear();
        o.events.clear();
        o.timers.clear();
        o.newCallbacks.clear();
        return actions;
    }

    void later(Duration d) {
        now = now.plus(d);
    }

    Assignment main() {
        return o.assignments.stream().filter(a -> a.role == AssignmentRole.MAIN && a.isActive()).findFirst().orElseThrow();
    }

    void refused(Runnable step, String detailPart) {
        OrderState before = o.state;
        assertThatThrownBy(step::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessage()).contains(detailPart);
        });
        assertThat(o.state).isEqualTo(before);
        assertThat(o.steps).isEmpty();
    }

    void dispatched() {
        o.dispatch(ZJJ, List.of(), null, DISPATCHER, now, deadlines);
        saved();
    }

    void replied() {
        dispatched();
        o.sign(main(), HANDLER, now);
        o.reply(main(), "已处理", List.of(), HANDLER, now);
        saved();
    }

    void waitingForCallback() {
        replied();
        o.reviewReply(true, null, DISPATCHER, now, deadlines);
        saved();
    }

    @Test
    void aNewOrderWaitsForDispatchWithTheDispatchDeadline() {
        assertThat(o.state).isEqualTo(OrderState.PENDING_DISPATCH);
        assertThat(o.stageDueAt).isEqualTo(now.plus(Duration.ofHours(24)));
    }

    @Test
    void dispatchCreatesAMainAndAssistingAssignmentsEachWithDeadlines() {
        o.dispatch(ZJJ, List.of(CGJ), "请办理", DISPATCHER, now, deadlines);
        assertThat(o.events).hasAtLeastOneElementOfType(WorkOrderEvents.WorkOrderDispatched.class);
        assertThat(saved()).containsExactly("collaboration");
        assertThat(o.state).isEqualTo(OrderState.HANDLING);
        assertThat(o.assignments).extracting(a -> a.role).containsExactly(AssignmentRole.MAIN, AssignmentRole.ASSIST);
        assertThat(main().signDueAt).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(main().handleDueAt).isEqualTo(now.plus(Duration.ofDays(5)));
        refused(() -> o.dispatch(CGJ, List.of(), null, DISPATCHER, now, deadlines), "不能派单");
    }

    @Test
    void aUnitSignsOnlyOnceAndLateSigningIsMarked() {
        dispatched();
        later(Duration.ofHours(25));
        o.sign(main(), HANDLER, now);
        assertThat(o.steps.getFirst().note()).contains("超时签收");
        saved();
        Assignment a = o.assignments.getFirst();
        assertThat(a.state).isEqualTo(AssignmentState.HANDLING);
        refused(() -> o.sign(a, HANDLER, now), "不能签收");
    }

    @Test
    void aReplyNeedsASignedAssignmentAndMovesTheOrderToReplyReview() {
        dispatched();
        Assignment a = main();
        refused(() -> o.reply(a, "已处理", List.of(), HANDLER, now), "请先签收");
        o.sign(a, HANDLER, now);
        o.reply(a, "已处理", List.of(7L), HANDLER, now);
        saved();
        assertThat(o.state).isEqualTo(OrderState.REPLY_REVIEW);
        assertThat(a.state).isEqualTo(AssignmentState.REPLIED);
        assertThat(a.citedArticles).containsExactly(7L);
    }

    @Test
    void aRejectedReplyReviewSendsTheMainUnitBackToWorkAndNeedsANote() {
        replied();
        assertThatThrownBy(() -> o.reviewReply(false, " ", DISPATCHER, now, deadlines))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("退回意见"));
        o.reviewReply(false, "答复不完整", DISPATCHER, now, deadlines);
        saved();
        assertThat(o.state).isEqualTo(OrderState.HANDLING);
        assertThat(o.assignments.getFirst().state).isEqualTo(AssignmentState.HANDLING);
    }

    @Test
    void aSatisfiedCallbackClosesTheOrderAndItsUnitRowsSayClosed() {
        waitingForCallback();
        assertThat(o.state).isEqualTo(OrderState.PENDING_CALLBACK);
        o.callback(true, Satisfaction.SATISFIED, "满意", CALLBACK, now, deadlines);
        assertThat(o.newCallbacks).singleElement().satisfies(c -> assertThat(c.byName()).isEqualTo("回访员 丁"));
        assertThat(saved()).containsExactly("callback", "closed");
        assertThat(o.state).isEqualTo(OrderState.CLOSED);
        assertThat(o.closedAt).isEqualTo(now);
        assertThat(o.assignments.getFirst().state).isEqualTo(AssignmentState.CLOSED);
        assertThat(o.assignments.getFirst().state.label()).isEqualTo("已办结");
        refused(() -> o.callback(true, Satisfaction.SATISFIED, null, CALLBACK, now, deadlines), "不能回访");
        refused(() -> o.urge("再催", AGENT, now), "不能催单");
    }

    @Test
    void dissatisfiedOnceReopensAndTwiceMakesTheOrderDifficult() {
        waitingForCallback();
        o.callback(false, Satisfaction.DISSATISFIED, null, CALLBACK, now, deadlines);
        saved();
        assertThat(o.state).isEqualTo(OrderState.HANDLING);
        assertThat(main().state).isEqualTo(AssignmentState.HANDLING);
        o.reply(main(), "重新处理完毕", List.of(), HANDLER, now);
        o.reviewReply(true, null, DISPATCHER, now, deadlines);
        o.callback(false, Satisfaction.DISSATISFIED, null, CALLBACK, now, deadlines);
        saved();
        assertThat(o.difficult).isTrue();
        assertThat(o.state).isEqualTo(OrderState.PENDING_DISPATCH);
    }

    @Test
    void unreachableAttemptsAreCountedAndTheLastOneClosesWithoutAVerdict() {
        waitingForCallback();
        CallbackRule rule = new CallbackRule(3, CallbackRule.Exhausted.CLOSE);
        o.callbackUnreachable("无人接听", rule, CALLBACK, now);
        o.callbackUnreachable("关机", rule, CALLBACK, now);
        assertThat(saved()).containsExactly("callback-unreachable", "callback-unreachable");
        assertThat(o.state).isEqualTo(OrderState.PENDING_CALLBACK);
        o.callbackUnreachable(null, rule, CALLBACK, now);
        assertThat(o.newCallbacks).as("no satisfaction grade is made up").isEmpty();
        assertThat(saved()).containsExactly("callback-unreachable", "closed");
        assertThat(o.callbackAttempts).isEqualTo(3);
        assertThat(o.state).isEqualTo(OrderState.CLOSED);
    }

    @Test
    void unreachableAttemptsCanHandTheOrderToTheSupervisors() {
        waitingForCallback();
        CallbackRule rule = new CallbackRule(2, CallbackRule.Exhausted.SUPERVISE);
        o.callbackUnreachable(null, rule, CALLBACK, now);
        o.callbackUnreachable(null, rule, CALLBACK, now);
        assertThat(saved()).containsExactly("callback-unreachable", "callback-unreachable", "supervised");
        assertThat(o.supervised).isTrue();
        assertThat(o.state).isEqualTo(OrderState.PENDING_CALLBACK);
        refused(() -> o.callbackUnreachable(null, rule, CALLBACK, now), "转督办");
    }

    @Test
    void unreachableIsOnlyForOrdersWaitingForCallback() {
        dispatched();
        refused(() -> o.callbackUnreachable(null, CallbackRule.DEFAULT, CALLBACK, now), "不能记录未接通");
    }

    @Test
    void aReturnRequestBlocksFurtherRequestsAndAnApprovalSendsTheOrderBackToDispatch() {
        dispatched();
        Assignment a = main();
        o.requestReturn(a, "非本单位职责", HANDLER, now);
        saved();
        assertThat(a.state).isEqualTo(AssignmentState.RETURN_REQUESTED);
        assertThatThrownBy(() -> o.requestReturn(a, "再申请", HANDLER, now)).isInstanceOf(DomainException.class);
        UnitRequest r = o.requests.getFirst();
        o.decideReturn(r, true, "改派", DISPATCHER, now, deadlines);
        saved();
        assertThat(a.state).isEqualTo(AssignmentState.RETURNED);
        assertThat(o.state).isEqualTo(OrderState.PENDING_DISPATCH);
    }

    @Test
    void anApprovedExtensionMovesTheHandlingDeadline() {
        dispatched();
        Assignment a = main();
        refused(() -> o.requestExtension(a, TimeLimit.of(2, LimitUnit.WORKING_DAYS), "需现场勘查", HANDLER, now), "请先签收");
        o.sign(a, HANDLER, now);
        Instant before = a.handleDueAt;
        o.requestExtension(a, TimeLimit.of(2, LimitUnit.WORKING_DAYS), "需现场勘查", HANDLER, now);
        saved();
        o.decideExtension(o.requests.getFirst(), true, null, DISPATCHER, now, deadlines);
        saved();
        assertThat(a.handleDueAt).isEqualTo(before.plus(Duration.ofDays(2)));
        assertThat(a.extensions).isEqualTo(1);
    }

    @Test
    void aHandOverGoesOnlyToTheUnitsOwnSubUnitsWithAFutureDeadline() {
        dispatched();
        Assignment a = main();
        o.sign(a, HANDLER, now);
        saved();
        assertThatThrownBy(() -> o.handOver(a, CGJ, now.plus(Duration.ofDays(1)), null, HANDLER, now, deadlines))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("下级单位"));
        assertThatThrownBy(() -> o.handOver(a, ZJJ_SUB, now, null, HANDLER, now, deadlines))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("反馈期限"));
        o.handOver(a, ZJJ_SUB, now.plus(Duration.ofDays(1)), "请核实", HANDLER, now, deadlines);
        saved();
        assertThat(o.assignments).extracting(x -> x.role).contains(AssignmentRole.SUB);
    }

    @Test
    void aDirectReplyOrAForwardEndsTheOrderBeforeDispatchOnly() {
        o.replyDirectly("已当场解答", AGENT, now);
        saved();
        assertThat(o.state).isEqualTo(OrderState.CLOSED);
        refused(() -> o.forward(Platform.PROVINCE, null, AGENT, now), "不能转外部平台");

        taken();
        dispatched();
        refused(() -> o.replyDirectly("x", AGENT, now), "不能直接答复");
        refused(() -> o.forward(Platform.PROVINCE, null, AGENT, now), "不能转外部平台");
    }

    @Test
    void anOrderIsMarkedDifficultOnce() {
        o.markDifficult("多部门", DISPATCHER, now);
        saved();
        assertThat(o.difficult).isTrue();
        refused(() -> o.markDifficult(null, DISPATCHER, now), "已是疑难工单");
    }

    @Test
    void theDueDateListsSortByIsTheMainAssignmentsHandlingDeadline() {
        assertThat(o.dueAt()).isEqualTo(o.stageDueAt);
        dispatched();
        assertThat(o.dueAt()).isEqualTo(main().handleDueAt);
    }
}
