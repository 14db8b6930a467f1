package org.openhotline.workforce.internal.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The manager's forecast adjustments (话务预测调整): a policy change, a typhoon, a campaign. */
@Component
class ForecastEvents {

    record Event(long id, String name, LocalDate firstDay, LocalDate lastDay, int fromSlot, int toSlot, BigDecimal factor) {
        Forecaster.Adjustment adjustment() {
            return new Forecaster.Adjustment(name, firstDay, lastDay, fromSlot, toSlot, factor.doubleValue());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ForecastEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Event> overlapping(LocalDate first, LocalDate last) {
        return jdbc.sql("""
                select id, name, first_day, last_day, from_slot, to_slot, factor from wf_forecast_event
                 where last_day >= ? and first_day <= ? order by first_day, id""")
                .params(first, last).query(Event.class).list();
    }

    long add(String name, LocalDate first, LocalDate last, int fromSlot, int toSlot, BigDecimal factor, long by) {
        return jdbc.sql("""
                insert into wf_forecast_event (name, first_day, last_day, from_slot, to_slot, factor, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, first, last, fromSlot, toSlot, factor, by, java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    boolean remove(long id) {
        return jdbc.sql("delete from wf_forecast_event where id = ?").param(id).update() > 0;
    }
}
