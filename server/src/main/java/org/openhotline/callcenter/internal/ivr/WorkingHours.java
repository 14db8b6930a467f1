package org.openhotline.callcenter.internal.ivr;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.telephony.ivr.BusinessHours;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code working_hours} condition of IVR flows: a working day of the business calendar (holidays off, make-up
 * days on) between {@code hotline.callcenter.working-hours} (default 09:00-18:00, the hotline's time zone). Only
 * flows that ask for it use it: the default 12345 flow runs around the clock, because a 12345 line is staffed
 * 7×24; a number that closes at night is bound to {@code working-hours-12345} (or a flow with the same check).
 */
@Component
public class WorkingHours implements BusinessHours {

    private final BusinessCalendar calendar;
    private final LocalTime start;
    private final LocalTime end;

    WorkingHours(BusinessCalendar calendar, @Value("${hotline.callcenter.working-hours:09:00-18:00}") String hours) {
        this.calendar = calendar;
        String[] parts = hours.split("-", 2);
        this.start = LocalTime.parse(parts[0].trim());
        this.end = LocalTime.parse(parts[1].trim());
    }

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(calendar.zone());
        LocalTime time = local.toLocalTime();
        return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }
}
