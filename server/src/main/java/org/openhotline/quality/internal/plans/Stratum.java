package org.openhotline.quality.internal.plans;

/** The kinds of calls a sampling plan may weight up (分层抽样), with the words the screens show. */
public enum Stratum {
    NEW_AGENT("新坐席（首次接听 90 天内）"),
    COMPLAINT("投诉类工单"),
    LONG_CALL("长通话"),
    SHORT_CALL("短通话（不足 10 秒）"),
    DISSATISFIED("满意度评价为不满意"),
    REPEAT_CALLER("重复来电（当月 2 次及以上）"),
    TRANSFER("转接或咨询"),
    MACHINE_FLAGGED("智能质检标记");

    private final String label;

    Stratum(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
