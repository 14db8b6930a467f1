package org.openhotline.calendar;

/** How a time limit is counted. Working days follow the business calendar. */
public enum LimitUnit {
    MINUTES("分钟"), HOURS("小时"), NATURAL_DAYS("自然日"), WORKING_DAYS("工作日");

    private final String label;

    LimitUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
