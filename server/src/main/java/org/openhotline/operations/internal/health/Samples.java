package org.openhotline.operations.internal.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The measures of each sampling round, kept 35 days for the trend charts and the inspection reports. */
@Component
public class Samples {

    static final Duration KEEP = Duration.ofDays(35);
    private final JdbcClient jdbc;

    Samples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Health.Reading reading) {
        Timestamp at = Timestamp.from(reading.at());
        for (Measure m : reading.measures()) {
            if (m.value() != null) {
                jdbc.sql("insert into ops_sample (metric, subject, value, at) values (?, ?, ?, ?)")
                        .params(m.metric(), m.subject(), m.value(), at).update();
            }
        }
        jdbc.sql("delete from ops_sample where at < ?").param(Timestamp.from(reading.at().minus(KEEP))).update();
    }

    public record Point(Instant at, double value) {}

    public List<Point> trend(String metric, String subject, Instant from, Instant to) {
        return jdbc.sql("""
                select at, value from ops_sample where metric = ? and subject = ? and at >= ? and at <= ? order by at""")
                .params(metric, subject, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Point(rs.getTimestamp("at").toInstant(), rs.getDouble("value"))).list();
    }

    /** Minimum, average and maximum of a measure per day, for the reports' capacity trends. */
    public record DayStats(java.time.LocalDate day, double min, double avg, double max) {}

    public List<DayStats> daily(String metric, String subject, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                select (at at time zone ?)::date as day, min(value) as lo, avg(value) as mean, max(value) as hi
                  from ops_sample where metric = ? and subject = ? and at >= ? and at < ?
                 group by 1 order by 1""")
                .params(zone, metric, subject, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new DayStats(rs.getDate("day").toLocalDate(), rs.getDouble("lo"), rs.getDouble("mean"),
                        rs.getDouble("hi"))).list();
    }
}
