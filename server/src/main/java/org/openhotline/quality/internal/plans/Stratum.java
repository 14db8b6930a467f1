package org.openhotline.quality.internal.plans;

/**
 * The kinds of calls (and, for work-order plans, orders) a sampling plan may weight up (分层抽样), with the words the
 * screens show. An order plan uses 投诉类工单, 回访不满意 (DISSATISFIED), 重复来电 (the caller's number recorded twice or
 * more in the month) and 派单被退回.
 */
public enum Stratum {
    NEW_AGENT("新坐席（首次接听 90 天内）"),
    COMPLAINT("投诉类工单"),
    LONG_CALL("长通话"),
    SHORT_CALL("短通话（不足 10 秒）"),
    DISSATISFIED("满意度评价或回访不满意"),
    REPEAT_CALLER("重复来电（当月 2 次及以上）"),
    TRANSFER("转接或咨询"),
    MACHINE_FLAGGED("智能质检标记"),
    RETURNED("派单被退回（工单质检）");

    private final String label;

    Stratum(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
