package org.openhotline.calendar;

/** An allowed time such as "15 working days", with the share of it after which the light turns yellow. */
public record TimeLimit(int amount, LimitUnit unit, int yellowPercent) {

    public static final int DEFAULT_YELLOW_PERCENT = 80;

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (yellowPercent < 1 || yellowPercent > 99) {
            throw new IllegalArgumentException("yellowPercent must be 1..99");
        }
    }

    public static TimeLimit of(int amount, LimitUnit unit) {
        return new TimeLimit(amount, unit, DEFAULT_YELLOW_PERCENT);
    }

    /** "15个工作日". */
    public String text() {
        return amount + "个" + unit.label();
    }
}
