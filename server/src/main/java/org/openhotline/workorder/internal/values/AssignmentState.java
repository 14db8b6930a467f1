package org.openhotline.workorder.internal.values;

/** States of one unit's assignment. */
public enum AssignmentState {
    PENDING_SIGN("待签收"),
    HANDLING("办理中"),
    RETURN_REQUESTED("退回待审"),
    REPLIED("已答复"),
    RETURNED("已退回"),
    TRANSFERRED("已转派"),
    CANCELLED("已撤销"),
    CLOSED("已办结");

    private final String label;

    AssignmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still running against its deadlines. */
    public boolean isActive() {
        return this == PENDING_SIGN || this == HANDLING || this == RETURN_REQUESTED;
    }
}
