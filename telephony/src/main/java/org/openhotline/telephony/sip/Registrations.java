package org.openhotline.telephony.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where each extension can be reached, until its registration expires (time from the injected clock). */
public final class Registrations {
    /** One binding: the phone's Contact URI and the transport it registered over. */
    public record Binding(String extension, String contactUri, String transport, Instant expiresAt) { }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock;

    public Registrations(Clock clock) {
        this.clock = clock;
    }

    void put(Binding binding) {
        bindings.put(binding.extension(), binding);
    }

    void remove(String extension) {
        bindings.remove(extension);
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
