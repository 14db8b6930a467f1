package org.openhotline.telephony;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The legs the engine currently carries, by id. */
final class LiveLegs {
    private final Map<String, ActiveLeg> legs = new ConcurrentHashMap<>();

    void put(ActiveLeg leg) {
        legs.put(leg.id.value(), leg);
    }

    ActiveLeg remove(String id) {
        return legs.remove(id);
    }

    Optional<ActiveLeg> find(LegId id) {
        return Optional.ofNullable(legs.get(id.value()));
    }

    Optional<ActiveLeg> find(String id) {
        return Optional.ofNullable(legs.get(id));
    }

    /** The live leg, or an error that tells the call center it commanded a leg that is gone. */
    ActiveLeg active(LegId id) {
        ActiveLeg a = legs.get(id.value());
        if (a == null) throw new IllegalArgumentException("no active leg " + id);
        return a;
    }

    Collection<ActiveLeg> all() {
        return legs.values();
    }

    List<LegId> ids() {
        return legs.values().stream().map(l -> l.id).toList();
    }
}
