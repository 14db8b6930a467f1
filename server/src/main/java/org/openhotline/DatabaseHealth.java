package org.openhotline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database's health, answered within {@link #LIMIT} whatever the database does. Spring's own check borrows a
 * connection from the pool and so waited out the pool's connection timeout (30 s) when PostgreSQL was gone; a
 * monitor that gives up after 10 s then saw no answer at all. Here the check runs beside the request and is
 * reported DOWN when it does not finish in time; one check at a time, so a dead database does not pile them up.
 * While the watchdog restarts the embedded PostgreSQL it is DOWN without asking.
 */
final class DatabaseHealth implements HealthIndicator {

    static final Duration LIMIT = Duration.ofMillis(400);

    private final DataSource dataSource;
    private final PostgresWatchdog watchdog;
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(true);

    DatabaseHealth(DataSource dataSource, PostgresWatchdog watchdog) {
        this.dataSource = dataSource;
        this.watchdog = watchdog;
    }

    @Override
    public Health health() {
        if (watchdog != null && watchdog.state() != PostgresWatchdog.State.UP) {
            return Health.down().withDetail("database", watchdog.state().name()).build();
        }
        try {
            return check().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build() : Health.down().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("database", "no answer within " + LIMIT.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("database", "unreachable").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    private synchronized CompletableFuture<Boolean> check() {
        if (running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return c.isValid(1);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, task -> Thread.ofVirtual().name("db-health").start(task));
        }
        return running;
    }
}
