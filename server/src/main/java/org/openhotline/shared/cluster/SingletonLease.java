package org.openhotline.shared.cluster;

/**
 * The singletons' lease: which node runs what must run once in a cluster (the ACD's calls, timer sweeps, outbox
 * senders, reports, every {@code @Scheduled} job not marked {@link EveryNode}). On a single node it is always held.
 */
public interface SingletonLease {

    /** Whether this node holds the lease now; false as soon as its time to live ran out without a renewal. */
    boolean held();

    /** The epoch this node holds (raised at every change of holder); 0 when it does not hold the lease. */
    long epoch();

    /**
     * Fencing, inside a transaction: locks the lease row shared until the transaction ends and throws
     * {@link LeaseLostException} unless this node still holds {@code epoch}. A node taking the lease over must update
     * that row, so it waits for this transaction; a write checked here commits only under its own epoch.
     */
    void fence(long epoch);

    /** This node's name in the lease (shown in /actuator/info and the logs). */
    String node();
}
