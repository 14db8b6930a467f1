package org.openhotline.shared.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link NodeSignals} over PostgreSQL's LISTEN/NOTIFY on one channel: the payload is the sending node, the topic and
 * the data, one per line. One connection of the pool listens for the node's whole life; when it breaks (a database
 * failover) the listener takes a new one and tells every handler to re-read, since signals sent meanwhile are gone.
 */
public final class PostgresSignals implements NodeSignals, SmartLifecycle {

    static final String CHANNEL = "hotline_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String node;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile Thread listener;
    private volatile boolean listening;

    private final boolean alone;

    /** {@code alone}: a single node, nobody to signal — {@link #send} does nothing, the node still listens. */
    public PostgresSignals(DataSource dataSource, String node, boolean alone) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.node = node;
        this.alone = alone;
    }

    @Override
    public void send(String topic, String data) {
        if (alone) {
            return;
        }
        String payload = node + "\n" + topic + "\n" + (data == null ? "" : data);
        if (topic.contains("\n") || payload.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES + 500) {
            throw new IllegalArgumentException("signal too long or malformed: " + topic);
        }
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query(rs -> {});
    }

    @Override
    public void on(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Whether the listening connection is up (tests wait for it before they signal). */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        Thread thread = Thread.ofPlatform().name("cluster-signals").daemon().unstarted(this::listen);
        listener = thread; // before it runs: the loop goes on while it is the listener
        thread.start();
    }

    private void listen() {
        boolean first = true;
        while (listener == Thread.currentThread()) {
            try (Connection connection = ownConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                if (!first) {
                    handlers.forEach((topic, list) -> deliver(topic, list, null));
                }
                first = false;
                while (listener == Thread.currentThread()) {
                    PGNotification[] received = pg.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            receive(n.getParameter());
                        }
                    } else if (connection.isClosed()) {
                        break;
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (listener != Thread.currentThread()) {
                    return;
                }
                log.warn("cluster signals: listening connection lost ({}); again in 1 s", e.getMessage());
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
        listening = false;
    }

    /** A connection of its own, outside the pool, when the pool says how (a listener must not hold a pooled one). */
    private Connection ownConnection() throws java.sql.SQLException {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return java.sql.DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    void receive(String payload) {
        String[] parts = payload.split("\n", 3);
        if (parts.length < 3 || parts[0].equals(node)) {
            return;
        }
        deliver(parts[1], handlers.getOrDefault(parts[1], List.of()), parts[2].isEmpty() ? null : parts[2]);
    }

    private void deliver(String topic, List<Consumer<String>> list, String data) {
        for (Consumer<String> handler : list) {
            try {
                handler.accept(data);
            } catch (RuntimeException e) {
                log.warn("cluster signal {} failed in its handler: {}", topic, e.toString());
            }
        }
    }

    @Override
    public void stop() {
        Thread running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
