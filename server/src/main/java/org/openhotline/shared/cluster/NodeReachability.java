package org.openhotline.shared.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the outside world still reaches this node: the call center answers the SIP proxy's probes (Kamailio's
 * OPTIONS every 2 s), and a node the proxy cannot reach takes no calls however healthy it is otherwise. With
 * {@code hotline.cluster.sip-probe-timeout} set, a lease holder that has not been probed for that long gives the lease
 * up when another node has been (docs/adr/050-cluster.md, decision 7).
 */
public interface NodeReachability {
    /** When this node was last reached from outside (the proxy's last probe), in this node's clock; empty if never. */
    Optional<Instant> lastReachedAt();
}
