package org.openhotline.workorder.internal.values;

/** States of a work order; see DOMAIN.md for the lifecycle. */
public enum OrderState {
    PENDING_REVIEW("待审核"),
    PENDING_DISPATCH("待派单"),
    HANDLING("办理中"),
    REPLY_REVIEW("答复待审核"),
    PENDING_CALLBACK("待回访"),
    CLOSED("已办结"),
    WITHDRAWN("已撤单"),
    MERGED("已合并"),
    FORWARDED("已转外部平台");

    private final String label;

    OrderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still in the hotline's hands: citizens may urge, supplement or withdraw it. */
    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN && this != MERGED && this != FORWARDED;
    }
}
