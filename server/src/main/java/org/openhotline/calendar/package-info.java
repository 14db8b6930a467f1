/**
 * Calendar: the business calendar (working days per year with public holidays and make-up working days 调休,
 * working hours), the time-limit policies per stage, appeal type, urgency and category, deadline arithmetic in
 * minutes, hours, natural days or working days, and durable timers. A deadline is scheduled as two timer rows
 * (yellow at the warning share of the time, red at the deadline); a sweep fires each once and publishes them
 * in batches ({@link org.openhotline.calendar.TimersFired}), also on start for moments that passed while the server was down.
 * Owns tables {@code calendar_year}, {@code calendar_day}, {@code time_limit_policy}, {@code calendar_timer}.
 * Depends on no other module: subjects of timers are opaque (type, id) pairs that the caller understands.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
        allowedDependencies = {"shared"})
package org.openhotline.calendar;
