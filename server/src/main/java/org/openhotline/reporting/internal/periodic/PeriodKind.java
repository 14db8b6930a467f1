package org.openhotline.reporting.internal.periodic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/** The kinds of periodic report, their periods and how many working days after the period each is due. */
public enum PeriodKind {
    DAILY("日报", 1), WEEKLY("周报", 2), MONTHLY("月报", 8), YEARLY("年报", 15);

    private final String label;
    private final int workingDaysToPublish;

    PeriodKind(String label, int workingDaysToPublish) {
        this.label = label;
        this.workingDaysToPublish = workingDaysToPublish;
    }

    public String label() {
        return label;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(DayOfWeek.MONDAY);
            case MONTHLY -> day.withDayOfMonth(1);
            case YEARLY -> day.withDayOfYear(1);
        };
    }

    /** The last day (included) of the period starting on {@code start}. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case DAILY -> start;
            case WEEKLY -> start.plusDays(6);
            case MONTHLY -> start.plusMonths(1).minusDays(1);
            case YEARLY -> start.plusYears(1).minusDays(1);
        };
    }

    /** The start of the last period that ended before {@code today}. */
    public LocalDate lastCompleted(LocalDate today) {
        return start(start(today).minusDays(1));
    }

    /** The N-th working day after the period (003: a monthly report within 8 working days). */
    public LocalDate dueOn(LocalDate end, Predicate<LocalDate> workingDay) {
        LocalDate d = end;
        for (int n = 0; n < workingDaysToPublish; ) {
            d = d.plusDays(1);
            if (workingDay.test(d)) {
                n++;
            }
        }
        return d;
    }

    /** The title of a report, e.g. "2026年11月 月报". */
    public String title(LocalDate start) {
        return switch (this) {
            case DAILY -> start + " 日报";
            case WEEKLY -> start + " 至 " + end(start) + " 周报";
            case MONTHLY -> start.getYear() + "年" + start.getMonthValue() + "月 月报";
            case YEARLY -> start.getYear() + "年 年报";
        };
    }
}
