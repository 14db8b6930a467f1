package org.openhotline.telephony.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.telephony.RegistrationStore;

/**
 * Where each extension can be reached, until its registration expires (time from the injected clock). Every binding
 * the registrar makes or drops is also told to the {@link RegistrationStore}, from which {@link #restore()} takes back
 * what another engine (or this one before a restart) registered.
 */
public final class Registrations {
    /**
     * One binding: the phone's Contact URI, the transport it registered over and, when it registered through a proxy
     * that asked to stay on the way (RFC 3327 Path: Kamailio in a cluster), that proxy's route, else null.
     */
    public record Binding(String extension, String contactUri, String transport, Instant expiresAt, String path) {
        public Binding(String extension, String contactUri, String transport, Instant expiresAt) {
            this(extension, contactUri, transport, expiresAt, null);
        }

        /**
         * Whether another engine can reach the phone from this record alone: over UDP, or through the proxy of its
         * Path. A phone over TCP or TLS is reached on the connection it opened to the engine it registered with;
         * another engine has no such connection, and a phone need not accept one, so it waits for the next REGISTER.
         */
        public boolean reachableFromAnotherEngine() {
            return path != null || transport == null || "udp".equalsIgnoreCase(transport);
        }
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RegistrationStore store;

    public Registrations(Clock clock) {
        this(clock, RegistrationStore.NONE);
    }

    public Registrations(Clock clock, RegistrationStore store) {
        this.clock = clock;
        this.store = store;
    }

    void put(Binding binding) {
        bindings.put(binding.extension(), binding);
        store.saved(binding);
    }

    void remove(String extension) {
        bindings.remove(extension);
        store.removed(extension);
    }

    /**
     * Takes the store's bindings that have not expired and that this engine can reach, keeping its own where it has a
     * later one; returns the extensions whose binding came from the store. Safe to call again.
     */
    public List<String> restore() {
        Instant now = clock.instant();
        List<String> restored = new ArrayList<>();
        for (Binding b : store.load()) {
            if (!b.expiresAt().isAfter(now) || !b.reachableFromAnotherEngine()) continue;
            Binding mine = bindings.get(b.extension());
            if (mine != null && !mine.expiresAt().isBefore(b.expiresAt())) continue;
            bindings.put(b.extension(), b);
            restored.add(b.extension());
        }
        return restored;
    }

    public Optional<Binding> find(String extension) {
        Binding b = bindings.get(extension);
        if (b == null) return Optional.empty();
        // expired bindings stay until expire() removes and reports them
        return b.expiresAt().isAfter(clock.instant()) ? Optional.of(b) : Optional.empty();
    }

    /** Drops expired bindings and returns their extensions. */
    public List<String> expire() {
        Instant now = clock.instant();
        List<String> gone = new ArrayList<>();
        for (Binding b : bindings.values()) {
            if (!b.expiresAt().isAfter(now) && bindings.remove(b.extension(), b)) gone.add(b.extension());
        }
        return gone;
    }

    public boolean isRegistered(String extension) {
        return find(extension).isPresent();
    }
}
