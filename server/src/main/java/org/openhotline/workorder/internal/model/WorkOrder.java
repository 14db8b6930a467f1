package org.openhotline.workorder.internal.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.WorkOrderEvents.*;
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

/**
 * The work order aggregate: the order, its assignments and the units' requests. Every step checks the state,
 * changes it, and records what happened (a timeline entry, an event, and the timers to start or stop); the
 * repository writes all of it in one transaction guarded by {@link #version}.
 */
public class WorkOrder {

    Long id;
    String number;
    Channel channel;
    AppealType appealType;
    Urgency urgency;
    Long categoryId;
    List<Long> categoryPath = List.of();
    Long regionId;
    String regionPath;
    String address;
    String title;
    String content;
    String callerName;
    String callerPhone;
    boolean anonymous;
    boolean confidential;
    String callId;
    OrderState state;
    String stageLight = "GREEN";
    Instant stageStartedAt;
    Instant stageDueAt;
    String ownerPath;
    String createdBy;
    Instant createdAt;
    String directReply;
    Platform forwardedTo;
    Instant closedAt;
    boolean difficult;
    int dissatisfiedCount;
    int urgeCount;
    int callbackAttempts;
    boolean supervised;
    Instant superviseDueAt;
    Long mergedInto;
    int version;
    final List<Assignment> assignments = new ArrayList<>();
    final List<UnitRequest> requests = new ArrayList<>();

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public int version() {
        return version;
    }

    public OrderState state() {
        return state;
    }

    /** The node the order was taken under (the hotline's data scope). */
    public String ownerPath() {
        return ownerPath;
    }

    public AppealType appealType() {
        return appealType;
    }

    public Urgency urgency() {
        return urgency;
    }

    /** The category and its ancestors, nearest first (time limits are looked up along it). */
    public List<Long> categoryPath() {
        return categoryPath;
    }

    public String callerName() {
        return callerName;
    }

    public boolean confidential() {
        return confidential;
    }

    public String callerPhone() {
        return callerPhone;
    }

    public List<Assignment> assignments() {
        return java.util.Collections.unmodifiableList(assignments);
    }

    /**
     * The deadline lists show and sort by: the handling deadline of the current main assignment (the latest one not
     * returned, cancelled or transferred), else the stage's. Stored with the order so that a due-date page is an
     * index walk.
     */
    Instant dueAt() {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            Assignment a = assignments.get(i);
            if (a.role == AssignmentRole.MAIN && a.state != AssignmentState.RETURNED
                    && a.state != AssignmentState.CANCELLED && a.state != AssignmentState.TRANSFERRED) {
                return a.handleDueAt != null ? a.handleDueAt : stageDueAt;
            }
        }
        return stageDueAt;
    }

    /** What the current step recorded, written by the repository and then cleared. */
    final List<Step> steps = new ArrayList<>();
    final List<WorkOrderEvent> events = new ArrayList<>();
    final List<TimerCommand> timers = new ArrayList<>();
    final List<CallbackResult> newCallbacks = new ArrayList<>();

    /** A callback's verdict, kept in {@code wo_callback} for the satisfaction reports. */
    public record CallbackResult(boolean resolved, Satisfaction satisfaction, String note, String by, String byName,
                                 Instant at) {}

    public record Step(Actor actor, Instant at, String action, String note, Map<String, Object> details) {}

    /** Start ({@code deadline} set) or stop the timers of the order's stage or of an assignment. */
    public record TimerCommand(String type, Object subject, Deadline deadline) {}

    // ---- intake -------------------------------------------------------------------------------------------

    public void created(Actor by, Instant now, OrderDeadlines deadlines) {
        state = OrderState.PENDING_DISPATCH;
        startStage(deadlines.dispatch(this, now));
        record(by, now, "created", "受理工单（" + channel.label() + "）", Map.of());
    }

    public void sendForReview(String note, Actor by, Instant now) {
        requireState("送审核", OrderState.PENDING_DISPATCH);
        moveTo(OrderState.PENDING_REVIEW);
        record(by, now, "sent-for-review", note, Map.of());
        events.add(new WorkOrderSentForReview(id, now));
    }

    public void approveReview(String note, Actor by, Instant now, OrderDeadlines deadlines) {
        requireState("审核通过", OrderState.PENDING_REVIEW);
        moveTo(OrderState.PENDING_DISPATCH);
        startStage(deadlines.dispatch(this, now));
        record(by, now, "review-approved", note, Map.of());
        events.add(new WorkOrderReviewApproved(id, now));
    }

    public void replyDirectly(String reply, Actor by, Instant now) {
        requireState("直接答复", OrderState.PENDING_DISPATCH, OrderState.PENDING_REVIEW);
        directReply = reply;
        moveTo(OrderState.CLOSED);
        closedAt = now;
        record(by, now, "direct-reply", reply, Map.of());
        events.add(new WorkOrderRepliedDirectly(id, now));
        events.add(new WorkOrderClosed(id, now));
    }

    public void forward(Platform platform, String note, Actor by, Instant now) {
        requireState("转外部平台", OrderState.PENDING_DISPATCH, OrderState.PENDING_REVIEW);
        forwardedTo = platform;
        moveTo(OrderState.FORWARDED);
        record(by, now, "forwarded", "转" + platform.label() + (note == null ? "" : "：" + note),
                Map.of("platform", platform.name()));
        events.add(new WorkOrderForwarded(id, platform.name(), now));
    }

    /**
     * The platform the order was forwarded to replied (exchange): the reply is the order's answer and the citizen is
     * called back here, as after a unit's reply.
     */
    public void forwardReplied(String reply, Actor by, Instant now, OrderDeadlines deadlines) {
        requireState("登记外部平台答复", OrderState.FORWARDED);
        directReply = reply;
        moveTo(OrderState.PENDING_CALLBACK);
        startStage(deadlines.callback(this, now));
        record(by, now, "forward-replied", (forwardedTo == null ? "外部平台" : forwardedTo.label()) + "答复：" + reply,
                Map.of());
    }

    // ---- dispatch -----------------------------------------------------------------------------------------

    public void dispatch(UnitTarget main, List<UnitTarget> assisting, String instruction, Actor by, Instant now,
                  OrderDeadlines deadlines) {
        requireState("派单", OrderState.PENDING_DISPATCH, OrderState.PENDING_REVIEW);
        List<UnitTarget> all = distinct(main, assisting);
        moveTo(OrderState.HANDLING);
        for (UnitTarget t : all) {
            assign(t, t == main ? AssignmentRole.MAIN : AssignmentRole.ASSIST, null, instruction, by, now, deadlines, null);
        }
        boolean collaboration = all.size() > 1;
        record(by, now, collaboration ? "collaboration" : "dispatched",
                "主办：" + main.name() + (collaboration ? "；协办：" + names(all.subList(1, all.size())) : "")
                        + (instruction == null || instruction.isBlank() ? "" : "。交办意见：" + instruction),
                Map.of("mainUnitId", main.unitId()));
        events.add(new WorkOrderDispatched(id, main.unitId(), ids(all.subList(1, all.size())), collaboration, now));
    }

    /**
     * 自动派单: the platform dispatches a new order to the unit its model suggests with a calibrated confidence at
     * or above the manager's threshold; the timeline says so and with what confidence, so a dispatcher can judge it.
     */
    public void dispatchAutomatically(UnitTarget main, double confidence, Instant now, OrderDeadlines deadlines) {
        dispatch(main, List.of(), null, Actor.SYSTEM, now, deadlines);
        record(Actor.SYSTEM, now, "auto-dispatched", String.format("自动派单：主办 %s（置信度 %.0f%%）", main.name(), 100 * confidence),
                Map.of("mainUnitId", main.unitId(), "confidence", confidence));
    }

    /**
     * The dispatcher takes an automatic dispatch back before the unit has answered: the unit's task ends as returned
     * (the machine's choice was wrong, which the dispatch accuracy counts like an approved return) and the order waits
     * for dispatch again.
     */
    public void undoAutoDispatch(long autoUnitId, String note, Actor by, Instant now, OrderDeadlines deadlines) {
        requireState("撤回自动派单", OrderState.HANDLING);
        Assignment main = assignments.stream().filter(a -> a.role == AssignmentRole.MAIN && a.isActive()).findFirst()
                .orElseThrow(() -> DomainException.conflict("没有在办的主办任务，不能撤回自动派单"));
        if (main.unitId != autoUnitId || (main.state != AssignmentState.PENDING_SIGN && main.state != AssignmentState.HANDLING)) {
            throw DomainException.conflict("工单已改派或承办单位已提出申请，不能撤回自动派单");
        }
        main.finish(AssignmentState.RETURNED);
        stopTimers(main);
        finishActiveAssignments(AssignmentState.CANCELLED);
        moveTo(OrderState.PENDING_DISPATCH);
        startStage(deadlines.dispatch(this, now));
        record(by, now, "auto-dispatch-undone", "撤回自动派单（" + main.unitName + "）" + suffix(note),
                Map.of("assignmentId", main.id));
        events.add(new ReturnDecided(id, main.id, main.unitId, true, now, "撤回自动派单" + suffix(note)));
    }

    /** A workstation passes its assignment on to units of its district (二次派单). */
    public void redispatch(Assignment from, UnitTarget main, List<UnitTarget> assisting, String instruction, Actor by,
                    Instant now, OrderDeadlines deadlines) {
        from.requireHandling("转派");
        List<UnitTarget> all = distinct(main, assisting);
        stopTimers(from);
        from.finish(AssignmentState.TRANSFERRED);
        for (UnitTarget t : all) {
            AssignmentRole role = t == main ? from.role : AssignmentRole.ASSIST;
            assign(t, role, from.id, instruction, by, now, deadlines, null);
        }
        record(by, now, "redispatched", from.unitName + "转派：主办 " + main.name()
                + (all.size() > 1 ? "；协办：" + names(all.subList(1, all.size())) : ""), Map.of("from", from.id));
        events.add(new WorkOrderRedispatched(id, from.id, main.unitId(), ids(all.subList(1, all.size())), now));
    }

    public void sign(Assignment a, Actor by, Instant now) {
        requireOpen("签收");
        a.sign(by, now);
        timers.add(new TimerCommand("wo.sign", a, null));
        record(by, now, "signed", a.unitName + "签收" + (a.signedOnTime() ? "" : "（超时签收）"), Map.of("assignmentId", a.id));
        events.add(new AssignmentSigned(id, a.id, a.unitId, a.signedOnTime(), now));
    }

    // ---- unit requests ------------------------------------------------------------------------------------

    public void requestReturn(Assignment a, String reason, Actor by, Instant now) {
        requireOpen("申请退回");
        requireNoPendingRequest(a);
        a.askToReturn();
        requests.add(new UnitRequest(null, a, UnitRequest.Kind.RETURN, reason, null, null, "PENDING", by.username(), now));
        record(by, now, "return-requested", a.unitName + "申请退回：" + reason, Map.of("assignmentId", a.id));
        events.add(new ReturnRequested(id, a.id, a.unitId, now));
    }

    public void decideReturn(UnitRequest r, boolean approve, String note, Actor by, Instant now, OrderDeadlines deadlines) {
        r.decide(approve, note, by, now);
        Assignment a = r.assignment;
        if (!approve) {
            a.returnRejected();
            record(by, now, "return-rejected", "驳回" + a.unitName + "的退回申请" + suffix(note), Map.of("assignmentId", a.id));
        } else {
            a.finish(AssignmentState.RETURNED);
            stopTimers(a);
            Assignment parent = a.parentId == null ? null : find(a.parentId);
            if (parent != null && a.role != AssignmentRole.ASSIST && a.role != AssignmentRole.SUB) {
                parent.reopen(parent.handleStartAt, parent.handleDueAt);
                events.add(new AssignmentReopened(id, parent.id, parent.handleDueAt, now));
                timers.add(new TimerCommand("wo.handle", parent,
                        deadlines.handleBetween(this, parent.handleStartAt, parent.handleDueAt)));
            } else if (a.role == AssignmentRole.MAIN) {
                for (Assignment other : assignments) {
                    if (other.isActive()) {
                        other.finish(AssignmentState.CANCELLED);
                        stopTimers(other);
                    }
                }
                moveTo(OrderState.PENDING_DISPATCH);
                startStage(deadlines.dispatch(this, now));
            }
            record(by, now, "return-approved", "同意" + a.unitName + "退回" + suffix(note), Map.of("assignmentId", a.id));
        }
        events.add(new ReturnDecided(id, a.id, a.unitId, approve, now, r.reason));
    }

    public void requestExtension(Assignment a, TimeLimit extra, String reason, Actor by, Instant now) {
        requireOpen("申请延期");
        a.requireHandling("申请延期");
        requireNoPendingRequest(a);
        requests.add(new UnitRequest(null, a, UnitRequest.Kind.EXTENSION, reason, extra.amount(), extra.unit(),
                "PENDING", by.username(), now));
        record(by, now, "extension-requested", a.unitName + "申请延期" + extra.text() + "：" + reason,
                Map.of("assignmentId", a.id));
        events.add(new ExtensionRequested(id, a.id, a.unitId, now));
    }

    public void decideExtension(UnitRequest r, boolean approve, String note, Actor by, Instant now, OrderDeadlines deadlines) {
        r.decide(approve, note, by, now);
        Assignment a = r.assignment;
        if (approve) {
            Deadline moved = deadlines.extended(a.handleStartAt, a.handleDueAt, TimeLimit.of(r.amount, r.unit));
            a.handleDueAt = moved.dueAt();
            a.handleLight = "GREEN";
            a.extensions++;
            if (a.isActive()) {
                timers.add(new TimerCommand("wo.handle", a, moved));
            }
            record(by, now, "extension-approved", "同意" + a.unitName + "延期" + r.amount + "个" + r.unit.label()
                    + suffix(note), Map.of("assignmentId", a.id, "newDueAt", moved.dueAt().toString()));
        } else {
            record(by, now, "extension-rejected", "驳回" + a.unitName + "的延期申请" + suffix(note), Map.of("assignmentId", a.id));
        }
        events.add(new ExtensionDecided(id, a.id, approve, a.handleDueAt, now));
    }

    /** A unit hands part of the work to one of its own sub-units with a deadline (协同办理). */
    public void handOver(Assignment from, UnitTarget sub, Instant dueAt, String instruction, Actor by, Instant now,
                  OrderDeadlines deadlines) {
        from.requireHandling("转交下级");
        if (!sub.path().startsWith(from.unitPath) || sub.path().equals(from.unitPath)) {
            throw DomainException.invalid("只能转交给本单位的下级单位");
        }
        if (dueAt == null || !dueAt.isAfter(now)) {
            throw DomainException.invalid("请填写晚于当前时间的反馈期限");
        }
        assign(sub, AssignmentRole.SUB, from.id, instruction, by, now, deadlines, dueAt);
        record(by, now, "handed-over", from.unitName + "转交" + sub.name() + "协同办理" + suffix(instruction),
                Map.of("from", from.id, "subUnitId", sub.unitId()));
        events.add(new AssignmentHandedOver(id, from.id, sub.unitId(), now));
    }

    // ---- reply, review, callback --------------------------------------------------------------------------

    public void reply(Assignment a, String text, List<Long> cited, Actor by, Instant now) {
        requireOpen("答复");
        a.reply(text, cited, by, now);
        stopTimers(a);
        if (a.role == AssignmentRole.MAIN && state == OrderState.HANDLING) {
            moveTo(OrderState.REPLY_REVIEW);
        }
        record(by, now, "replied", a.unitName + "答复：" + text,
                Map.of("assignmentId", a.id, "citedArticleIds", a.citedArticles, "onTime", a.repliedOnTime()));
        events.add(new AssignmentReplied(id, a.id, a.unitId, a.repliedOnTime(), a.citedArticles, now));
    }

    public void reviewReply(boolean accept, String note, Actor by, Instant now, OrderDeadlines deadlines) {
        requireState("审核答复", OrderState.REPLY_REVIEW);
        if (accept) {
            moveTo(OrderState.PENDING_CALLBACK);
            startStage(deadlines.callback(this, now));
            record(by, now, "reply-accepted", "答复审核通过" + suffix(note), Map.of());
        } else {
            if (note == null || note.isBlank()) {
                throw DomainException.invalid("退回答复时请填写退回意见");
            }
            Assignment main = lastReplied(AssignmentRole.MAIN);
            main.reopen(main.handleStartAt, main.handleDueAt);
            events.add(new AssignmentReopened(id, main.id, main.handleDueAt, now));
            timers.add(new TimerCommand("wo.handle", main, deadlines.handleBetween(this, main.handleStartAt, main.handleDueAt)));
            moveTo(OrderState.HANDLING);
            record(by, now, "reply-rejected", "答复审核不通过，退回" + main.unitName + "重新办理：" + note, Map.of());
        }
        events.add(new ReplyReviewed(id, accept, now));
    }

    public void callback(boolean resolved, Satisfaction satisfaction, String note, Actor by, Instant now,
                  OrderDeadlines deadlines) {
        requireState("回访", OrderState.PENDING_CALLBACK);
        newCallbacks.add(new CallbackResult(resolved, satisfaction, note, by.username(), by.name(), now));
        record(by, now, "callback", "回访：" + (resolved ? "已解决" : "未解决") + "，" + satisfaction.label() + suffix(note),
                Map.of("resolved", resolved, "satisfaction", satisfaction.name()));
        events.add(new CallbackRecorded(id, resolved, satisfaction.name(), now));
        if (satisfaction != Satisfaction.DISSATISFIED) {
            close(by, now, "工单办结，进入结单库");
            return;
        }
        dissatisfiedCount++;
        if (dissatisfiedCount >= 2) {
            difficult = true;
            finishActiveAssignments(AssignmentState.CLOSED);
            moveTo(OrderState.PENDING_DISPATCH);
            startStage(deadlines.dispatch(this, now));
            record(by, now, "difficult", "群众两次不满意，转为疑难工单，重新派单", Map.of());
            events.add(new WorkOrderMarkedDifficult(id, now));
        } else {
            Assignment main = lastReplied(AssignmentRole.MAIN);
            Deadline again = deadlines.handle(this, now);
            main.reopen(now, again.dueAt());
            events.add(new AssignmentReopened(id, main.id, main.handleDueAt, now));
            timers.add(new TimerCommand("wo.handle", main, again));
            moveTo(OrderState.HANDLING);
            record(by, now, "reopened", "群众不满意，重办：退回" + main.unitName + "重新办理", Map.of());
        }
        events.add(new WorkOrderReopened(id, dissatisfiedCount, now));
    }

    /**
     * The citizen could not be reached (联系不上/未接通). Each attempt is counted on the order and in its timeline; the
     * attempt that reaches the manager's limit applies the manager's rule: close without a verdict (so the order
     * counts in no satisfaction figure) or hand it to the supervisors. Never a satisfaction grade made up.
     */
    public void callbackUnreachable(String note, CallbackRule rule, Actor by, Instant now) {
        requireState("记录未接通", OrderState.PENDING_CALLBACK);
        if (supervised && rule.whenExhausted() == CallbackRule.Exhausted.SUPERVISE && callbackAttempts >= rule.maxAttempts()) {
            throw DomainException.conflict("该工单回访已多次未接通并已转督办，请由督办专员处理");
        }
        callbackAttempts++;
        record(by, now, "callback-unreachable", "回访未接通（第" + callbackAttempts + "次）" + suffix(note),
                Map.of("attempt", callbackAttempts));
        events.add(new CallbackUnreachable(id, callbackAttempts, now));
        if (callbackAttempts < rule.maxAttempts()) {
            return;
        }
        switch (rule.whenExhausted()) {
            case CLOSE -> close(by, now, "回访" + callbackAttempts + "次均未接通，按规则以“联系不上”办结（不计入满意度）");
            case SUPERVISE -> {
                supervised = true;
                record(by, now, "supervised", "回访" + callbackAttempts + "次均未接通，按规则转督办", Map.of());
                events.add(new WorkOrderSupervised(id, null, now));
            }
        }
    }

    private void close(Actor by, Instant now, String note) {
        for (Assignment a : assignments) {
            if (a.isActive() || a.state == AssignmentState.REPLIED) {
                // A closed order's units are done too: their rows say 已办结, not 已答复.
                if (a.isActive()) {
                    stopTimers(a);
                }
                a.finish(AssignmentState.CLOSED);
            }
        }
        moveTo(OrderState.CLOSED);
        closedAt = now;
        record(by, now, "closed", note, Map.of());
        events.add(new WorkOrderClosed(id, now));
    }

    // ---- at any time --------------------------------------------------------------------------------------

    public void markDifficult(String note, Actor by, Instant now) {
        requireOpen("送疑难");
        if (difficult) {
            throw DomainException.conflict("该工单已是疑难工单");
        }
        difficult = true;
        record(by, now, "difficult", "送疑难工单" + suffix(note), Map.of());
        events.add(new WorkOrderMarkedDifficult(id, now));
    }

    public void urge(String note, Actor by, Instant now) {
        requireOpen("催单");
        urgeCount++;
        record(by, now, "urged", "群众催单（第" + urgeCount + "次）" + suffix(note), Map.of("urgeCount", urgeCount));
        events.add(new WorkOrderUrged(id, urgeCount, now));
    }

    public void supplement(String text, Actor by, Instant now) {
        requireOpen("补单");
        content = content + "\n【补充】" + text;
        record(by, now, "supplemented", "群众补充：" + text, Map.of());
        events.add(new WorkOrderSupplemented(id, now));
    }

    public void withdraw(String reason, Actor by, Instant now) {
        requireState("撤单", OrderState.PENDING_REVIEW, OrderState.PENDING_DISPATCH, OrderState.HANDLING,
                OrderState.REPLY_REVIEW);
        finishActiveAssignments(AssignmentState.CANCELLED);
        for (UnitRequest r : requests) {
            if (r.isPending()) {
                r.decide(false, "工单已撤单", by, now);
            }
        }
        moveTo(OrderState.WITHDRAWN);
        closedAt = now;
        record(by, now, "withdrawn", "群众撤单" + suffix(reason), Map.of());
        events.add(new WorkOrderWithdrawn(id, now));
    }

    public void supervise(String note, Instant dueAt, Actor by, Instant now) {
        requireOpen("督办");
        if (dueAt != null && !dueAt.isAfter(now)) {
            throw DomainException.invalid("督办期限必须晚于当前时间");
        }
        supervised = true;
        superviseDueAt = dueAt;
        timers.add(new TimerCommand("wo.supervise", this,
                dueAt == null ? null : Deadline.between(now, dueAt, TimeLimit.DEFAULT_YELLOW_PERCENT)));
        record(by, now, "supervised", "督办：" + note, dueAt == null ? Map.of() : Map.of("dueAt", dueAt.toString()));
        events.add(new WorkOrderSupervised(id, dueAt, now));
    }

    public void attach(String fileName, Actor by, Instant now) {
        if (state == OrderState.MERGED) {
            throw DomainException.conflict("工单已合并，请在合并后的工单上添加附件");
        }
        record(by, now, "attachment-added", "上传附件：" + fileName, Map.of("name", fileName));
    }

    /** This order duplicates {@code into}: it ends here and counts as a repeat contact there. */
    public void mergeInto(WorkOrder into, Actor by, Instant now) {
        requireOpen("合并");
        if (into.id.equals(id)) {
            throw DomainException.invalid("不能把工单合并到它自己");
        }
        into.requireOpen("被合并");
        finishActiveAssignments(AssignmentState.CANCELLED);
        moveTo(OrderState.MERGED);
        mergedInto = into.id;
        closedAt = now;
        record(by, now, "merged", "作为重复工单合并到 " + into.number, Map.of("into", into.id));
        into.urgeCount++;
        into.record(by, now, "merged-in", "合并重复工单 " + number + "（重复来电计入催单）", Map.of("from", id));
        events.add(new WorkOrderMerged(id, into.id, now));
    }

    /**
     * A step of a sub-domain that keeps its own records (appeals, special review, verification) but belongs on the
     * order's timeline: written and published with the order in the same transaction.
     */
    public void annotate(Actor by, Instant now, String action, String note, Map<String, Object> details,
                         WorkOrderEvent event) {
        record(by, now, action, note, details);
        if (event != null) {
            events.add(event);
        }
    }

    /**
     * The citizen says a closed order is not solved (门户申请重办, within the days the portal allows): it goes back
     * to the callback stage under supervision when a unit replied — the callback agent verifies and, if so, the
     * usual dissatisfied callback reopens it to the unit — and back to dispatch when the hotline answered directly.
     */
    public void reopenAtCitizenRequest(String reason, Actor by, Instant now, OrderDeadlines deadlines) {
        requireState("申请重办", OrderState.CLOSED);
        Assignment main = assignments.stream().filter(a -> a.role == AssignmentRole.MAIN && a.state == AssignmentState.CLOSED
                && a.repliedAt != null).reduce((first, second) -> second).orElse(null);
        closedAt = null;
        supervised = true;
        if (main != null) {
            main.finish(AssignmentState.REPLIED);
            moveTo(OrderState.PENDING_CALLBACK);
            startStage(deadlines.callback(this, now));
        } else {
            moveTo(OrderState.PENDING_DISPATCH);
            startStage(deadlines.dispatch(this, now));
        }
        record(by, now, "reopen-requested", "群众申请重办（未解决）：" + reason + "；转" + state.label() + "并督办", Map.of());
        events.add(new WorkOrderSupervised(id, null, now));
    }

    public Long categoryId() {
        return categoryId;
    }

    public String content() {
        return content;
    }

    public String createdBy() {
        return createdBy;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    public Assignment assignment(long assignmentId) {
        return assignments.stream().filter(a -> a.id != null && a.id == assignmentId).findFirst()
                .orElseThrow(() -> DomainException.notFound("该工单没有这个承办任务"));
    }

    public UnitRequest request(long requestId) {
        return requests.stream().filter(r -> r.id != null && r.id == requestId).findFirst()
                .orElseThrow(() -> DomainException.notFound("该工单没有这个申请"));
    }

    void record(Actor by, Instant at, String action, String note, Map<String, Object> details) {
        steps.add(new Step(by, at, action, note, new LinkedHashMap<>(details)));
    }

    void requireOpen(String what) {
        if (!state.isOpen()) {
            throw DomainException.conflict("工单" + state.label() + "，不能" + what).with("state", state.name());
        }
    }

    private void requireState(String what, OrderState... allowed) {
        for (OrderState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw DomainException.conflict("工单当前" + state.label() + "，不能" + what).with("state", state.name());
    }

    private void requireNoPendingRequest(Assignment a) {
        if (requests.stream().anyMatch(r -> r.assignment == a && r.isPending())) {
            throw DomainException.conflict("该任务已有待审核的申请，请等待热线审核");
        }
    }

    private void assign(UnitTarget t, AssignmentRole role, Long parentId, String instruction, Actor by, Instant now,
                        OrderDeadlines deadlines, Instant fixedDue) {
        Assignment a = new Assignment(null, t.unitId(), t.path(), t.name(), role, parentId,
                AssignmentState.PENDING_SIGN, instruction, by.username(), now);
        Deadline sign = deadlines.sign(this, now);
        Deadline handle = fixedDue == null ? deadlines.handle(this, now)
                : Deadline.between(now, fixedDue, TimeLimit.DEFAULT_YELLOW_PERCENT);
        a.signDueAt = sign.dueAt().isAfter(handle.dueAt()) ? handle.dueAt() : sign.dueAt();
        a.handleStartAt = now;
        a.handleDueAt = handle.dueAt();
        assignments.add(a);
        timers.add(new TimerCommand("wo.sign", a, Deadline.between(now, a.signDueAt, TimeLimit.DEFAULT_YELLOW_PERCENT)));
        timers.add(new TimerCommand("wo.handle", a, handle));
    }

    private void stopTimers(Assignment a) {
        timers.add(new TimerCommand("wo.sign", a, null));
        timers.add(new TimerCommand("wo.handle", a, null));
    }

    private void finishActiveAssignments(AssignmentState end) {
        for (Assignment a : assignments) {
            if (a.isActive()) {
                a.finish(end);
                stopTimers(a);
            }
        }
    }

    private Assignment lastReplied(AssignmentRole role) {
        return assignments.stream().filter(a -> a.role == role && a.state == AssignmentState.REPLIED)
                .reduce((first, second) -> second)
                .orElseThrow(() -> DomainException.conflict("没有找到已答复的主办单位任务"));
    }

    private Assignment find(long assignmentId) {
        return assignments.stream().filter(a -> a.id != null && a.id == assignmentId).findFirst().orElse(null);
    }

    private void moveTo(OrderState next) {
        if (state == OrderState.PENDING_DISPATCH || state == OrderState.PENDING_CALLBACK) {
            timers.add(new TimerCommand("wo.stage", this, null));
        }
        state = next;
        stageLight = "GREEN";
        stageStartedAt = null;
        stageDueAt = null;
    }

    private void startStage(Deadline d) {
        stageStartedAt = d.start();
        stageDueAt = d.dueAt();
        stageLight = "GREEN";
        timers.add(new TimerCommand("wo.stage", this, d));
    }

    private static List<UnitTarget> distinct(UnitTarget main, List<UnitTarget> assisting) {
        List<UnitTarget> all = new ArrayList<>();
        all.add(main);
        for (UnitTarget t : assisting == null ? List.<UnitTarget>of() : assisting) {
            if (all.stream().noneMatch(x -> x.unitId() == t.unitId())) {
                all.add(t);
            }
        }
        return all;
    }

    private static String names(List<UnitTarget> targets) {
        return String.join("、", targets.stream().map(UnitTarget::name).toList());
    }

    private static List<Long> ids(List<UnitTarget> targets) {
        return targets.stream().map(UnitTarget::unitId).toList();
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : "：" + note;
    }
}
