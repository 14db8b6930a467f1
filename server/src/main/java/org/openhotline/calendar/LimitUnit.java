package org.openhotline.calendar;

/**
 * How a time limit is counted. Working days and working hours follow the business calendar, and so does their
 * yellow moment: it is a share of the working time allowed, not of the calendar time (a holiday inside the limit
 * must not bring the warning forward).
 */
public enum LimitUnit {
    MINUTES("分钟"), HOURS("小时"), NATURAL_DAYS("自然日"), WORKING_DAYS("工作日"), WORKING_HOURS("工作小时");

    private final String label;

    LimitUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counted in the calendar's working time (its yellow moment too). */
    public boolean working() {
        return this == WORKING_DAYS || this == WORKING_HOURS;
    }
}
