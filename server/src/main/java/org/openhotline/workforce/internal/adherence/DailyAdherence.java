package org.openhotline.workforce.internal.adherence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhotline.workforce.AdherenceFigures.AgentDayClosed;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a day of adherence for the reports: shortly after midnight, yesterday's figures per agent with a published
 * shift go to {@code wf_adherence_day} and out as {@link AgentDayClosed} (same transaction, ADR 004). A manager may
 * close a day again (late state events, a roster corrected afterwards): the rows and the facts are replaced.
 */
@Service
public class DailyAdherence {

    private final Adherence adherence;
    private final CallForecasts forecasts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DailyAdherence(Adherence adherence, CallForecasts forecasts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.adherence = adherence;
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${hotline.workforce.adherence-close-cron:0 15 0 * * *}", zone = "${hotline.time-zone}")
    void closeYesterday() {
        close(forecasts.today().minusDays(1));
    }

    /** Closes {@code day}: returns the agents' figures written (agents with a published shift that day). */
    @Transactional
    public List<Adherence.AgentSeconds> close(LocalDate day) {
        var figures = adherence.seconds(day);
        var dayStart = day.atStartOfDay(forecasts.zone()).toInstant();
        var now = clock.instant();
        jdbc.sql("delete from wf_adherence_day where day = ?").param(day).update();
        for (var f : figures) {
            jdbc.sql("""
                    insert into wf_adherence_day (account_id, day, day_start, scheduled_s, adhering_s, signed_in_s, closed_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.accountId(), day, Timestamp.from(dayStart), f.scheduled(), f.adhering(), f.signedIn(),
                            Timestamp.from(now)).update();
            events.publishEvent(new AgentDayClosed(f.accountId(), day, dayStart, f.scheduled(), f.adhering(), f.signedIn(), now));
        }
        return figures;
    }
}
