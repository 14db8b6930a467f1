package org.openhotline.workorder.internal.values;

/** 诉求类型. */
public enum AppealType {
    CONSULTATION("咨询"),
    HELP("求助"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    SUGGESTION("建议"),
    PRAISE("表扬"),
    OTHER("其他");

    private final String label;

    AppealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
