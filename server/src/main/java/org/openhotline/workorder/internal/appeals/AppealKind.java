package org.openhotline.workorder.internal.appeals;

/** What a unit appeals, and the KPI the judgment counts in for the unit. */
public enum AppealKind {
    DISSATISFIED_CALLBACK("不满意回访", "satisfaction"),
    MISDIRECTED("非本单位职责导致超期", "completion-on-time"),
    LATE_SIGN("热线原因导致超时签收", "sign-timeliness");

    private final String label;
    private final String kpiCode;

    AppealKind(String label, String kpiCode) {
        this.label = label;
        this.kpiCode = kpiCode;
    }

    public String label() {
        return label;
    }

    public String kpiCode() {
        return kpiCode;
    }
}
