package org.openhotline.reporting.internal.periodic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhotline.calendar.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Produces each configured kind's last completed period once it is over (the hotline works every day), due the
 * N-th working day after it by the business calendar (monthly: 8, seed 003). Checks every
 * {@code hotline.reports.periodic.check} (default 10 minutes) by the injected clock; a period the process was down
 * for is left to "重新生成" on the screen.
 */
@Component
public class ReportSchedule {

    private final PeriodicReports reports;
    private final ReportGeneration generation;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final Set<PeriodKind> kinds;

    ReportSchedule(PeriodicReports reports, ReportGeneration generation, BusinessCalendar calendar, Clock clock,
                   @Value("${hotline.reports.periodic.kinds:DAILY,WEEKLY,MONTHLY,YEARLY}") Set<PeriodKind> kinds) {
        this.reports = reports;
        this.generation = generation;
        this.calendar = calendar;
        this.clock = clock;
        this.kinds = kinds;
    }

    @Scheduled(fixedDelayString = "${hotline.reports.periodic.check:PT10M}",
            initialDelayString = "${hotline.reports.periodic.check:PT10M}")
    void scheduled() {
        runDue();
    }

    /** Starts the reports due by the clock's today and answers their ids (none when all exist). */
    public List<Long> runDue() {
        LocalDate today = LocalDate.now(clock);
        List<Long> started = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            if (kinds.contains(kind)) {
                LocalDate from = kind.lastCompleted(today);
                reports.claim(kind, from, kind.dueOn(kind.end(from), calendar::isWorkingDay)).ifPresent(id -> {
                    generation.start(id);
                    started.add(id);
                });
            }
        }
        return started;
    }
}
