package org.openhotline.operations.internal.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Up, connections in use against max_connections, size, and the standbys' replay lag when there are any. */
@Component
class DatabaseProbe implements Probe {

    static final String PART = "数据库";
    private final JdbcClient jdbc;

    DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) {
        List<Measure> out = new ArrayList<>();
        try {
            jdbc.sql("select 1").query(Integer.class).single();
        } catch (RuntimeException e) {
            return List.of(Measure.of(PART, "db.up", "", "数据库可用", 0, "", "无法连接数据库"));
        }
        out.add(Measure.of(PART, "db.up", "", "数据库可用", 1, "", "可连接"));
        var c = jdbc.sql("""
                select (select count(*) from pg_stat_activity where backend_type = 'client backend') as used,
                       current_setting('max_connections')::int as max,
                       pg_database_size(current_database()) as size""")
                .query((rs, n) -> new long[] {rs.getLong("used"), rs.getLong("max"), rs.getLong("size")}).single();
        out.add(Measure.of(PART, "db.connections.pct", "", "连接数占用", Math.round(1000.0 * c[0] / c[1]) / 10.0, "%",
                c[0] + " / " + c[1]));
        out.add(Measure.of(PART, "db.size.mb", "", "数据库大小", Math.round(c[2] / 1048576.0), "MB", null));
        var standbys = jdbc.sql("""
                select count(*) as n, max(extract(epoch from coalesce(replay_lag, interval '0'))) as lag
                  from pg_stat_replication""")
                .query((rs, n) -> new double[] {rs.getLong("n"), rs.getDouble("lag")}).single();
        out.add(standbys[0] == 0
                ? Measure.unknown(PART, "db.replication.lag", "", "备库复制延迟", "无备库（单机部署）")
                : Measure.of(PART, "db.replication.lag", "", "备库复制延迟", standbys[1], "秒", (long) standbys[0] + " 个备库"));
        return out;
    }
}
