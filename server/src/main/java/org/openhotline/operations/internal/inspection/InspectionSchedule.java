package org.openhotline.operations.internal.inspection;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily inspection at hotline.operations.inspection-cron (07:00) and the weekly analysis on Monday morning. */
@Component
class InspectionSchedule {

    private final InspectionReports reports;

    InspectionSchedule(InspectionReports reports) {
        this.reports = reports;
    }

    @Scheduled(cron = "${hotline.operations.inspection-cron:0 0 7 * * *}", zone = "${hotline.time-zone}")
    void daily() {
        reports.daily();
    }

    @Scheduled(cron = "${hotline.operations.weekly-cron:0 30 7 * * MON}", zone = "${hotline.time-zone}")
    void weekly() {
        reports.weekly();
    }
}
