package org.openhotline.callcenter.internal.engine;

import java.time.Instant;
import java.util.Optional;
import org.openhotline.shared.cluster.NodeReachability;
import org.springframework.stereotype.Component;

/** This node is reached from outside when the SIP proxy's probes reach its telephony engine. */
@Component
class SipProbes implements NodeReachability {

    private final Switchboard switchboard;

    SipProbes(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @Override
    public Optional<Instant> lastReachedAt() {
        return switchboard.running() ? switchboard.engine().lastProbedAt() : Optional.empty();
    }
}
