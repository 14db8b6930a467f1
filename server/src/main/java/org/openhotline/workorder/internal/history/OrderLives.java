package org.openhotline.workorder.internal.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.LimitStage;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.organization.OrgNode;
import org.openhotline.shared.CopyRows;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.internal.model.TextGrams;

/**
 * The life of each history order, step by step as the rules let it go (the shares are those of a hotline meeting
 * most of its targets): direct reply of most questions; dispatch (2 % after a day); return approved (3 %) and
 * dispatch to the street office; signing (3 % late); extension approved (6 %); reply (7 % after the deadline);
 * review; callback (10 % after 24 h, 2 % unreachable) with 8 % dissatisfied, reopened, replied again and called back.
 * A step that would fall after {@code end} (now: the history ends yesterday, its last orders are still being handled)
 * is not taken: the order stays in its state, with its deadline's timer.
 */
final class OrderLives {

    static final String ORDER_COLUMNS = """
            id, number, channel, appeal_type, urgency, category_id, region_id, region_path, address, title, content,
            caller_name, caller_phone, caller_phone_index, state, light, stage_light, stage_started_at, stage_due_at, due_at, owner_path,
            created_by, created_at, updated_at, direct_reply, closed_at, dissatisfied_count, urge_count,
            callback_attempts, search_text, grams""";
    static final String ASSIGNMENT_COLUMNS = """
            id, work_order_id, unit_id, unit_path, unit_name, role, state, instruction, assigned_by, assigned_at,
            sign_due_at, handle_start_at, handle_due_at, signed_at, signed_by, replied_at, replied_by, reply,
            sign_light, handle_light, extensions""";
    static final String REQUEST_COLUMNS = """
            work_order_id, assignment_id, kind, reason, amount, unit, state, requested_by, requested_at, decided_by,
            decided_at, decision_note""";
    static final String CALLBACK_COLUMNS = "work_order_id, resolved, satisfaction, note, by_user, at, by_name";
    static final String TIMELINE_COLUMNS = "work_order_id, at, actor, actor_name, action, note";

    record Order(long id, String number, String channel, String type, String urgency, long categoryId,
                 List<Long> categoryPath, OrgNode street, String address, String content, String caller, String phone,
                 String ownerPath, String agent, Instant created) {}

    /** A timer to schedule for an order still running (type and subject as the work-order module uses them). */
    record Timer(long orderId, String type, long subject, Deadline deadline) {}

    interface Limits {
        TimeLimit of(LimitStage stage, Order o);
    }

    final CopyRows orders = new CopyRows();
    final CopyRows assignments = new CopyRows();
    final CopyRows requests = new CopyRows();
    final CopyRows callbacks = new CopyRows();
    final CopyRows timeline = new CopyRows();
    final List<Timer> open = new ArrayList<>();

    private final Random random;
    private final Limits limits;
    private final BiFunction<Instant, TimeLimit, Instant> dueAt;
    private final BiFunction<Instant, TimeLimit, Instant> extend;
    private final Instant end;
    private final Instant now;
    private long nextAssignment;

    OrderLives(long seed, Limits limits, BiFunction<Instant, TimeLimit, Instant> dueAt,
               BiFunction<Instant, TimeLimit, Instant> extend, Instant end, Instant now) {
        this.random = new Random(seed);
        this.limits = limits;
        this.dueAt = dueAt;
        this.extend = extend;
        this.end = end;
        this.now = now;
    }

    /** Writes the order's rows; {@code unit} handles it, {@code other} gets it after a return. */
    void live(Order o, OrgNode unit, OrgNode other, long firstAssignment) {
        if (nextAssignment == 0) {
            nextAssignment = firstAssignment;
        }
        Instant t = o.created();
        step(o, t, o.agent(), "话务员", "created", "受理工单");
        boolean question = o.type().equals("CONSULTATION") || o.type().equals("PRAISE");
        boolean direct = unit == null || question && random.nextDouble() < (o.type().equals("PRAISE") ? 1 : 0.9);
        if (direct || unit == null) {
            Instant replied = t.plusSeconds(60 + random.nextInt(540));
            if (!replied.isBefore(end)) {
                order(o, "PENDING_DISPATCH", null, null, null, 0, 0, stage(o, LimitStage.DISPATCH, t), t);
                return;
            }
            step(o, replied, o.agent(), "话务员", "direct-reply", "直接答复：已按政策口径解答");
            order(o, "CLOSED", "已按政策口径向市民解答", replied, replied, 0, 0, null, replied);
            return;
        }
        if (random.nextDouble() < 0.01) {
            Instant withdrawn = t.plusSeconds(600 + random.nextInt(3000));
            if (withdrawn.isBefore(end)) {
                step(o, withdrawn, o.agent(), "话务员", "withdrawn", "市民撤回诉求");
                order(o, "WITHDRAWN", null, null, withdrawn, 0, 0, null, withdrawn);
                return;
            }
        }
        Instant dispatched = t.plus(random.nextDouble() < 0.98 ? hours(0.15 + 1.8 * random.nextDouble()) : hours(25 + 40 * random.nextDouble()));
        if (!dispatched.isBefore(end)) {
            order(o, "PENDING_DISPATCH", null, null, null, 0, 0, stage(o, LimitStage.DISPATCH, t), t);
            return;
        }
        step(o, dispatched, "dispatcher1", "派单员", "dispatched", "派单：主办 " + unit.name());
        long a = nextAssignment++;
        Instant signDue = dueAt.apply(dispatched, limits.of(LimitStage.SIGN, o));
        Instant handleDue = dueAt.apply(dispatched, limits.of(LimitStage.HANDLE, o));
        // Returned (3 %): the unit asks, the dispatcher approves, the order goes to the street office.
        Instant returnAsked = dispatched.plus(hours(1 + 4 * random.nextDouble()));
        Instant returnApproved = returnAsked.plus(hours(0.5 + 3 * random.nextDouble()));
        if (random.nextDouble() < 0.03 && other != null && !other.equals(unit) && returnApproved.plus(hours(2)).isBefore(end)) {
            assignment(a, o, unit, "RETURNED", dispatched, signDue, handleDue, null, null, 0);
            requests.row(o.id(), a, "RETURN", "不属于本单位职责，建议转属地街道办理", null, null, "APPROVED",
                    unit.code().toLowerCase() + "1", returnAsked, "dispatcher1", returnApproved, "同意退回");
            step(o, returnAsked, unit.code().toLowerCase() + "1", unit.name(), "return-requested", unit.name() + "申请退回");
            step(o, returnApproved, "dispatcher1", "派单员", "return-approved", "同意" + unit.name() + "退回");
            dispatched = returnApproved.plus(hours(0.3 + random.nextDouble()));
            step(o, dispatched, "dispatcher1", "派单员", "dispatched", "派单：主办 " + other.name());
            unit = other;
            a = nextAssignment++;
            signDue = dueAt.apply(dispatched, limits.of(LimitStage.SIGN, o));
            handleDue = dueAt.apply(dispatched, limits.of(LimitStage.HANDLE, o));
        }
        String handler = unit.code().toLowerCase() + "1";
        Duration signWindow = Duration.between(dispatched, signDue);
        Instant signed = random.nextDouble() < 0.97
                ? dispatched.plusMillis((long) (signWindow.toMillis() * (0.02 + 0.6 * random.nextDouble())))
                : signDue.plus(hours(1 + 20 * random.nextDouble()));
        if (!signed.isBefore(end)) {
            assignment(a, o, unit, "PENDING_SIGN", dispatched, signDue, handleDue, null, null, 0);
            open.add(new Timer(o.id(), "wo.sign", a, between(dispatched, signDue)));
            open.add(new Timer(o.id(), "wo.handle", a, between(dispatched, handleDue)));
            order(o, "HANDLING", null, null, null, 0, 0, null, dispatched);
            return;
        }
        step(o, signed, handler, unit.name(), "signed", unit.name() + "签收" + (signed.isAfter(signDue) ? "（超时签收）" : ""));
        int extensions = 0;
        Instant extensionAsked = signed.plus(hours(24 + 72 * random.nextDouble()));
        Instant extensionApproved = extensionAsked.plus(hours(1 + 5 * random.nextDouble()));
        if (random.nextDouble() < 0.06 && extensionApproved.isBefore(end) && extensionAsked.isBefore(handleDue)) {
            extensions = 1;
            handleDue = extend.apply(handleDue, TimeLimit.of(5, LimitUnit.WORKING_DAYS));
            requests.row(o.id(), a, "EXTENSION", "需协调多个部门现场核查", 5, "WORKING_DAYS", "APPROVED", handler,
                    extensionAsked, "dispatcher1", extensionApproved, "同意延期");
            step(o, extensionAsked, handler, unit.name(), "extension-requested", unit.name() + "申请延期5个工作日");
            step(o, extensionApproved, "dispatcher1", "派单员", "extension-approved", "同意" + unit.name() + "延期5个工作日");
        }
        Duration handleWindow = Duration.between(signed, handleDue);
        Instant replied = random.nextDouble() < 0.93 && !handleWindow.isNegative()
                ? signed.plusMillis((long) (handleWindow.toMillis() * (0.1 + 0.85 * random.nextDouble())))
                : handleDue.plus(hours(6 + 96 * random.nextDouble()));
        int urges = 0;
        if (random.nextDouble() < 0.05 && signed.plus(hours(24)).isBefore(end)) {
            urges = 1;
            step(o, signed.plus(hours(24)), o.agent(), "话务员", "urged", "群众来电催办");
        }
        if (!replied.isBefore(end)) {
            assignment(a, o, unit, "HANDLING", dispatched, signDue, handleDue, signed, null, extensions);
            open.add(new Timer(o.id(), "wo.handle", a, between(dispatched, handleDue)));
            order(o, "HANDLING", null, null, null, 0, urges, null, signed);
            return;
        }
        step(o, replied, handler, unit.name(), "replied", unit.name() + "答复：已核实处理，并电话告知诉求人");
        Instant reviewed = replied.plus(hours(0.5 + 6 * random.nextDouble()));
        if (!reviewed.isBefore(end)) {
            assignment(a, o, unit, "REPLIED", dispatched, signDue, handleDue, signed, replied, extensions);
            order(o, "REPLY_REVIEW", null, null, null, 0, urges, null, replied);
            return;
        }
        step(o, reviewed, "dispatcher1", "派单员", "reply-accepted", "答复审核通过");
        Instant called = reviewed.plus(random.nextDouble() < 0.9 ? hours(1 + 18 * random.nextDouble()) : hours(25 + 48 * random.nextDouble()));
        if (!called.isBefore(end)) {
            assignment(a, o, unit, "REPLIED", dispatched, signDue, handleDue, signed, replied, extensions);
            order(o, "PENDING_CALLBACK", null, null, null, 0, urges, stage(o, LimitStage.CALLBACK, reviewed), reviewed);
            return;
        }
        if (random.nextDouble() < 0.02) {
            for (int i = 1; i <= 3; i++) {
                step(o, called.plus(hours(4 * (i - 1))), "callback1", "回访员", "callback-unreachable", "回访未接通（第" + i + "次）");
            }
            Instant closed = called.plus(hours(8.5));
            step(o, closed, "callback1", "回访员", "closed", "三次联系不上，办结");
            assignment(a, o, unit, "CLOSED", dispatched, signDue, handleDue, signed, replied, extensions);
            order(o, "CLOSED", null, closed, closed, 0, urges, null, closed, 3);
            return;
        }
        double u = random.nextDouble();
        String satisfaction = u < 0.82 ? "SATISFIED" : u < 0.92 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
        callback(o, called, satisfaction);
        if (satisfaction.equals("DISSATISFIED")) {
            step(o, called, "callback1", "回访员", "reopened", "群众不满意，重办：退回" + unit.name() + "重新办理");
            Instant again = dueAt.apply(called, limits.of(LimitStage.HANDLE, o));
            Instant repliedAgain = called.plus(hours(24 + 72 * random.nextDouble()));
            if (!repliedAgain.isBefore(end)) {
                assignment(a, o, unit, "HANDLING", dispatched, signDue, again, signed, replied, extensions);
                open.add(new Timer(o.id(), "wo.handle", a, between(called, again)));
                order(o, "HANDLING", null, null, null, 1, urges, null, called);
                return;
            }
            step(o, repliedAgain, handler, unit.name(), "replied", unit.name() + "答复：已重新上门处理");
            Instant calledAgain = repliedAgain.plus(hours(2 + 20 * random.nextDouble()));
            if (!calledAgain.isBefore(end)) {
                assignment(a, o, unit, "REPLIED", dispatched, signDue, again, signed, repliedAgain, extensions);
                order(o, "PENDING_CALLBACK", null, null, null, 1, urges, stage(o, LimitStage.CALLBACK, repliedAgain), repliedAgain);
                return;
            }
            callback(o, calledAgain, "BASICALLY_SATISFIED");
            step(o, calledAgain, "callback1", "回访员", "closed", "回访后办结");
            assignment(a, o, unit, "CLOSED", dispatched, signDue, again, signed, repliedAgain, extensions);
            order(o, "CLOSED", null, calledAgain, calledAgain, 1, urges, null, calledAgain);
            return;
        }
        step(o, called, "callback1", "回访员", "closed", "回访后办结");
        assignment(a, o, unit, "CLOSED", dispatched, signDue, handleDue, signed, replied, extensions);
        order(o, "CLOSED", null, called, called, 0, urges, null, called);
    }

    private void callback(Order o, Instant at, String satisfaction) {
        boolean resolved = !satisfaction.equals("DISSATISFIED");
        String label = switch (satisfaction) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            default -> "不满意";
        };
        callbacks.row(o.id(), resolved, satisfaction, resolved ? "群众认可办理结果" : "群众表示问题仍未解决", "callback1", at, "回访员 罗佳怡");
        step(o, at, "callback1", "回访员", "callback", "回访：" + (resolved ? "已解决" : "未解决") + "，" + label);
    }

    /** A stage waiting (dispatch or callback) since {@code from}, with its deadline and timer. */
    private Deadline stage(Order o, LimitStage stage, Instant from) {
        return between(from, dueAt.apply(from, limits.of(stage, o)));
    }

    private void order(Order o, String state, String directReply, Instant closed, Instant updated, int dissatisfied,
                       int urges, Deadline stage, Instant stageStart) {
        order(o, state, directReply, closed, updated, dissatisfied, urges, stage, stageStart, 0);
    }

    private void order(Order o, String state, String directReply, Instant closed, Instant updated, int dissatisfied,
                       int urges, Deadline stage, Instant stageStart, int attempts) {
        String stageLight = stage == null ? "GREEN" : light(stage);
        if (stage != null) {
            open.add(new Timer(o.id(), "wo.stage", o.id(), stage));
        } else if (!state.equals("CLOSED") && !state.equals("WITHDRAWN")) {
            open.add(new Timer(o.id(), "none", o.id(), null));
        }
        String title = o.content().length() > 30 ? o.content().substring(0, 30) : o.content();
        orders.row(o.id(), o.number(), o.channel(), o.type(), o.urgency(), o.categoryId(), o.street().id(),
                o.street().path(), PersonalData.seal(o.address()), title, o.content(), PersonalData.seal(o.caller()),
                PersonalData.seal(o.phone()), PersonalData.phoneIndex(o.phone()), state, "GREEN", stageLight,
                stageStart, stage == null ? null : stage.dueAt(), stage == null ? lastHandleDue : stage.dueAt(),
                o.ownerPath(), o.agent(), o.created(), updated == null ? stageStart : updated, directReply, closed,
                dissatisfied, urges, attempts,
                TextGrams.searchText(o.number(), title, o.content()),
                TextGrams.ofOrder(o.number(), title, o.content(), o.address(), o.caller()));
        lastHandleDue = null;
    }

    private Instant lastHandleDue;

    private void assignment(long id, Order o, OrgNode unit, String state, Instant assigned, Instant signDue,
                            Instant handleDue, Instant signed, Instant replied, int extensions) {
        String handler = unit.code().toLowerCase() + "1";
        boolean running = state.equals("PENDING_SIGN") || state.equals("HANDLING");
        lastHandleDue = handleDue;
        assignments.row(id, o.id(), unit.id(), unit.path(), unit.name(), "MAIN", state, "请按职责办理并按时答复",
                "dispatcher1", assigned, signDue, assigned, handleDue, signed, signed == null ? null : handler,
                replied, replied == null ? null : handler, replied == null ? null : "经核实，已按职责处理并告知诉求人。",
                state.equals("PENDING_SIGN") ? light(between(assigned, signDue)) : "GREEN",
                running ? light(between(assigned, handleDue)) : "GREEN", extensions);
    }

    private void step(Order o, Instant at, String actor, String name, String action, String note) {
        timeline.row(o.id(), at, actor, name, action, note);
    }

    private String light(Deadline d) {
        return !now.isBefore(d.dueAt()) ? "RED" : !now.isBefore(d.yellowAt()) ? "YELLOW" : "GREEN";
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds((long) (h * 3600));
    }

    private static Deadline between(Instant start, Instant due) {
        return Deadline.between(start, due, TimeLimit.DEFAULT_YELLOW_PERCENT);
    }
}
