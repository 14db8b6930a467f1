/**
 * What lets several platform nodes share one database (docs/adr/050-cluster.md): the singletons' lease — the one
 * node that runs the ACD's calls, the timer sweeps, the outbox senders and every other {@code @Scheduled} job — and
 * signals between nodes over PostgreSQL LISTEN/NOTIFY, so a live screen (server-sent events) shows what happened on
 * another node. Off by default ({@code hotline.cluster.enabled}): a single node holds the lease for ever and nothing
 * here touches the database, so one machine behaves exactly as before.
 *
 * <p>Scheduled jobs are leased without editing them: {@link org.openhotline.shared.cluster.LeasedScheduling}
 * wraps every task the scheduler runs and skips it unless this node holds the lease; a job that must run on every
 * node (it flushes this node's memory or watches this node's connections) says so with
 * {@link org.openhotline.shared.cluster.EveryNode}. Transactions begun by a leased job check the lease's epoch
 * before they commit ({@link org.openhotline.shared.cluster.LeaseFencing}).
 */
package org.openhotline.shared.cluster;
