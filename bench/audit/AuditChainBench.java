import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.openhotline.audit.internal.chain.ChainHash;

/**
 * The cost of chaining audit records (issue 19): N audit writes, each in its own committed transaction, the old way
 * (a plain INSERT) against the chained way (lock the head row, take the id and jsonb text, HMAC-SM3, INSERT, move
 * the head), on one connection and on T connections at once. Embedded PostgreSQL as the platform ships it (fsync on).
 */
public class AuditChainBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("audit-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            DataSource ds = pg.getPostgresDatabase();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        create table audit_event (id bigserial primary key, at timestamptz not null, actor varchar(50),
                          source_ip varchar(64), action varchar(60) not null, target varchar(200), result varchar(10) not null,
                          details jsonb not null default '{}'::jsonb, chain_hash varchar(64));
                        create index audit_event_at on audit_event (at desc);
                        create index audit_event_actor_at on audit_event (actor, at desc);
                        create index audit_event_action_at on audit_event (action, at desc);
                        create table audit_chain_head (id int primary key, last_id bigint not null, last_hash varchar(64) not null);
                        insert into audit_chain_head values (1, 0, 'genesis');""");
            }
            byte[] key = new byte[32];
            System.out.printf("audit chain bench: %d writes per run, %d cores, embedded PostgreSQL, fsync on%n", n,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 0; round < 2; round++) { // the first round warms up
                report(round, "plain insert, 1 connection", run(ds, n, 1, c -> plain(c)));
                report(round, "chained, 1 connection", run(ds, n, 1, c -> chained(c, key)));
                report(round, "plain insert, " + threads + " connections", run(ds, n, threads, c -> plain(c)));
                report(round, "chained, " + threads + " connections", run(ds, n, threads, c -> chained(c, key)));
            }
        }
    }

    interface Write { void on(Connection c) throws Exception; }

    static void report(int round, String what, double perSecond) {
        if (round == 1) {
            System.out.printf("%-34s %8.0f writes/s  %6.2f ms each%n", what, perSecond, 1000 / perSecond);
        }
    }

    static double run(DataSource ds, int n, int threads, Write write) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < n / threads; i++) {
                        write.on(c);
                        c.commit();
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static final String DETAILS = "{\"outcome\": \"success\", \"before\": [\"AGENT\"]}";

    static void plain(Connection c) throws Exception {
        try (PreparedStatement p = c.prepareStatement("insert into audit_event (at, actor, source_ip, action, target, result, details) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
            p.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(2, "agent1");
            p.setString(3, "10.1.2.3");
            p.setString(4, "auth.login");
            p.setString(5, "account:agent1");
            p.setString(6, "SUCCESS");
            p.setString(7, DETAILS);
            p.executeUpdate();
        }
    }

    static void chained(Connection c, byte[] key) throws Exception {
        String previous;
        long id;
        String details;
        try (PreparedStatement p = c.prepareStatement("select last_hash, nextval('audit_event_id_seq'), cast(? as jsonb)::text from audit_chain_head where id = 1 for update")) {
            p.setString(1, DETAILS);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                previous = r.getString(1);
                id = r.getLong(2);
                details = r.getString(3);
            }
        }
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String hash = ChainHash.of(key, previous, new ChainHash.Fields(id, java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, at),
                "agent1", "10.1.2.3", "auth.login", "account:agent1", "SUCCESS", details));
        try (PreparedStatement p = c.prepareStatement("with appended as (insert into audit_event (id, at, actor, source_ip, action, target, result, details, chain_hash) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)) update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
            p.setLong(1, id);
            p.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            p.setString(3, "agent1");
            p.setString(4, "10.1.2.3");
            p.setString(5, "auth.login");
            p.setString(6, "account:agent1");
            p.setString(7, "SUCCESS");
            p.setString(8, details);
            p.setString(9, hash);
            p.setLong(10, id);
            p.setString(11, hash);
            p.executeUpdate();
        }
    }
}
