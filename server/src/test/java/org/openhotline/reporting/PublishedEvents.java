package org.openhotline.reporting;

import java.time.Duration;
import org.openhotline.testing.Wait;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events published as their owner would (in a transaction, through the publication registry), in the order a test
 * chooses, and a wait until the reporting listeners completed those naming a key: the event-order tests use it to
 * hand reporting what threads of their own may deliver in any order.
 */
final class PublishedEvents {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PlatformTransactionManager transactions;

    PublishedEvents(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
    }

    void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Waits until no reporting publication whose event has {@code "field":value,} is incomplete. */
    void awaitHandled(String field, long value) {
        Wait.until("the reporting listeners handled the events of " + field + " " + value, () -> jdbc.sql("""
                select count(*) from event_publication
                 where completion_date is null and listener_id like '%reporting%' and serialized_event like ?""")
                .param("%\"" + field + "\":" + value + ",%").query(Long.class).single() == 0, Duration.ofSeconds(30));
    }
}
