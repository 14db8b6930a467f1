package org.openhotline.callcenter.internal.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhotline.shared.cluster.SingletonLeaseTaken;
import org.openhotline.telephony.RegistrationStore;
import org.openhotline.telephony.sip.Registrations.Binding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The phones' registrations on record ({@code cc_phone_registration}), shared by the nodes of a cluster: the engine
 * of the node that takes over the call center takes them back ({@link SingletonLeaseTaken}), and a restarted platform
 * at start, so a phone that registered once is called at once (docs/adr/050-cluster.md, decision 7).
 * <p>
 * The registrar tells this store on the SIP stack's threads, which must not wait for the database (a failover takes
 * seconds, and calls are signalled on the same threads): each change is queued, the latest per extension wins, and
 * one thread writes the queue out; while the database is away the queue waits and is written when it is back. A
 * REGISTER answered in the moment before the node dies may be missing on the next node: that phone is reached after
 * its next registration (its register interval), as before.
 */
@Component
class PhoneRegistrationsOnRecord implements RegistrationStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PhoneRegistrationsOnRecord.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Switchboard switchboard;
    /** Extension → its latest change not yet written: a binding, or empty for an unregistration. */
    private final Map<String, Optional<Binding>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "phone-registrations");
        t.setDaemon(true);
        return t;
    });

    PhoneRegistrationsOnRecord(JdbcClient jdbc, Clock clock, Switchboard switchboard) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.switchboard = switchboard;
    }

    @Override
    public void saved(Binding binding) {
        pending.put(binding.extension(), Optional.of(binding));
        writeSoon(0);
    }

    @Override
    public void removed(String extension) {
        pending.put(extension, Optional.empty());
        writeSoon(0);
    }

    @Override
    public List<Binding> load() {
        return jdbc.sql("""
                select extension, contact_uri, transport, path, expires_at from cc_phone_registration
                where expires_at > ?""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Binding(rs.getString("extension"), rs.getString("contact_uri"),
                        rs.getString("transport"), rs.getTimestamp("expires_at").toInstant(), rs.getString("path")))
                .list();
    }

    /** The node that takes over the call center reaches the phones that registered with the one before. */
    @EventListener
    void on(SingletonLeaseTaken taken) {
        if (switchboard.running()) {
            int n = switchboard.engine().restoreRegistrations();
            log.info("phones: {} holds the call center at epoch {}; {} registration(s) taken back from the record",
                    taken.node(), taken.epoch(), n);
        }
    }

    private void writeSoon(long delayMillis) {
        if (writing.compareAndSet(false, true)) {
            try {
                writer.schedule(this::write, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                writing.set(false);
            }
        }
    }

    private void write() {
        List<Map.Entry<String, Optional<Binding>>> batch = new ArrayList<>();
        for (Iterator<Map.Entry<String, Optional<Binding>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Optional<Binding>> e = it.next();
            batch.add(Map.entry(e.getKey(), e.getValue()));
            it.remove();
        }
        try {
            for (var e : batch) {
                if (e.getValue().isPresent()) upsert(e.getValue().get());
                else jdbc.sql("delete from cc_phone_registration where extension = ?").param(e.getKey()).update();
            }
            // expired rows are of no use to anyone: swept as the registrations come
            jdbc.sql("delete from cc_phone_registration where expires_at < ?")
                    .param(Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).update();
            writing.set(false);
        } catch (RuntimeException failed) {
            // the database is away (a failover): keep what was not written unless a newer change came meanwhile
            batch.forEach(e -> pending.putIfAbsent(e.getKey(), e.getValue()));
            log.warn("phone registrations not written ({} waiting), trying again in {}: {}", pending.size(), RETRY,
                    failed.getMessage());
            writing.set(false);
            writeSoon(RETRY.toMillis());
            return;
        }
        if (!pending.isEmpty()) writeSoon(0);
    }

    private void upsert(Binding b) {
        jdbc.sql("""
                insert into cc_phone_registration (extension, contact_uri, transport, path, expires_at, updated_at)
                values (:extension, :contact, :transport, :path, :expires, :now)
                on conflict (extension) do update set contact_uri = excluded.contact_uri,
                    transport = excluded.transport, path = excluded.path, expires_at = excluded.expires_at,
                    updated_at = excluded.updated_at""")
                .param("extension", b.extension()).param("contact", b.contactUri())
                .param("transport", b.transport() == null ? "UDP" : b.transport())
                .param("path", b.path()).param("expires", Timestamp.from(b.expiresAt()))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** What is queued is written before the platform stops (a graceful stop loses nothing). */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) writer.shutdownNow();
        if (!pending.isEmpty()) {
            try {
                write();
            } catch (RuntimeException e) {
                log.warn("phone registrations not written at stop: {}", e.getMessage());
            }
        }
    }
}
