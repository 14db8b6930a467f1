package org.openhotline.workforce.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * What kind of day a date is for the phones: each working weekday keeps its own level (Mondays are busier), weekend
 * days theirs, while a public holiday on a weekday and a make-up working day on a weekend are kinds of their own — the
 * business calendar says which, and a seasonal-naive forecast that copies last week gets exactly those days wrong.
 */
enum DayKind {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, HOLIDAY, MAKE_UP_DAY;

    static DayKind of(LocalDate day, Predicate<LocalDate> workingDay) {
        DayOfWeek dow = day.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        boolean working = workingDay.test(day);
        if (weekend && working) {
            return MAKE_UP_DAY;
        }
        if (!weekend && !working) {
            return HOLIDAY;
        }
        return values()[dow.getValue() - 1];
    }

    /** Days whose intraday shape is that of a working day (office hours peaks). */
    boolean working() {
        return this != SATURDAY && this != SUNDAY && this != HOLIDAY;
    }
}
