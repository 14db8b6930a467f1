package org.openhotline.workorder.internal.model;

/**
 * Checks other sub-domains put in front of an order's decisive steps (a special order's second review before
 * dispatch and before closing). The callers of those steps ask; the aggregate itself does not know the rules.
 */
public interface OrderGates {

    /** Before {@code order} is dispatched (or its direct reply closes it) by {@code username}; throws when refused. */
    void beforeDispatch(WorkOrder order, String username);

    /** Before a step that closes {@code order}, taken by {@code username}. */
    void beforeClose(WorkOrder order, String username);
}
