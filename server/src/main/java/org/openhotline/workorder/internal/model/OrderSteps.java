package org.openhotline.workorder.internal.model;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs one step on one order: load, check the caller sees it and the version the caller saw,
 * let the aggregate act, save — one transaction, so a refused or conflicting step leaves nothing behind.
 */
@Component
public class OrderSteps {

    private final WorkOrders orders;
    private final OrderAccess access;
    private final Clock clock;

    OrderSteps(WorkOrders orders, OrderAccess access, Clock clock) {
        this.orders = orders;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A user's step: the version the user saw is required, so that nobody decides on an order that changed under
     * their eyes (a reply or callback sent from a stale screen would silently act on the newer state).
     */
    @Transactional
    public StepResult run(long id, Integer expectedVersion, StaffPrincipal who, BiConsumer<WorkOrder, Instant> step) {
        if (expectedVersion == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新工单后重试").with("code", "missing-version");
        }
        return runChecked(id, expectedVersion, who, step);
    }

    /** A step that decides nothing on a state the user saw (an attachment, the demo seed): no version to check. */
    @Transactional
    public StepResult runUnversioned(long id, StaffPrincipal who, BiConsumer<WorkOrder, Instant> step) {
        return runChecked(id, null, who, step);
    }

    private StepResult runChecked(long id, Integer expectedVersion, StaffPrincipal who, BiConsumer<WorkOrder, Instant> step) {
        WorkOrder o = orders.load(id);
        access.requireVisible(o, who);
        if (expectedVersion != null && expectedVersion != o.version()) {
            throw DomainException.conflict("工单 " + o.number() + " 已被他人处理，请刷新后重试").with("code", "stale-version");
        }
        Instant now = clock.instant();
        step.accept(o, now);
        orders.save(o, now);
        return StepResult.of(o);
    }

    /** What a step answers: the order's new state and version (the screen reloads the detail). */
    public record StepResult(long id, String number, String state, String stateLabel, int version) {
        static StepResult of(WorkOrder o) {
            return new StepResult(o.id(), o.number(), o.state().name(), o.state().label(), o.version());
        }
    }

    /** Two orders in one step (merging): both versions are checked, lower id first to avoid deadlocks. */
    @Transactional
    public void runOnTwo(long first, long second, StaffPrincipal who, TwoStep step) {
        WorkOrder a = orders.load(first);
        WorkOrder b = orders.load(second);
        access.requireVisible(a, who);
        access.requireVisible(b, who);
        Instant now = clock.instant();
        step.apply(a, b, now);
        if (a.id() < b.id()) {
            orders.save(a, now);
            orders.save(b, now);
        } else {
            orders.save(b, now);
            orders.save(a, now);
        }
    }

    /** Several orders, all or nothing (batch reply). */
    @Transactional
    public void runOnMany(java.util.List<Long> ids, StaffPrincipal who, BiConsumer<WorkOrder, Instant> step) {
        Instant now = clock.instant();
        for (long id : ids.stream().sorted().distinct().toList()) {
            WorkOrder o = orders.load(id);
            access.requireVisible(o, who);
            step.accept(o, now);
            orders.save(o, now);
        }
    }

    public interface TwoStep {
        void apply(WorkOrder first, WorkOrder second, Instant now);
    }
}
