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
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate tx;

    DailyAdherence(Adherence adherence, CallForecasts forecasts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
                   TransactionTemplate tx) {
        this.adherence = adherence;
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${hotline.workforce.adherence-close-cron:0 15 0 * * *}", zone = "${hotline.time-zone}")
    void closeYesterday() {
        // A call from inside the bean passes no proxy, so close()'s @Transactional would not apply: without a
        // transaction the rows were written one by one and reporting's after-commit listener never ran (its
        // publications stayed open until a restart, and the nightly close never reached the reports).
        tx.executeWithoutResult(status -> close(forecasts.today().minusDays(1)));
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
