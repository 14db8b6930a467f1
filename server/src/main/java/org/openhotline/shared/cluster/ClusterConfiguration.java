package org.openhotline.shared.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The cluster switch ({@code hotline.cluster.enabled}, off by default). On: the lease in the database, its keeper,
 * fencing of leased transactions, leased scheduling, and signals sent to the other nodes. Off: a lease held for
 * ever, the scheduler as Spring Boot sets it up, nothing sent. Either way the node listens for signals (one
 * connection outside the pool), so a live screen also hears a second process on the same database.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** This process's name in the lease: the configured or host name plus a random tag, new at every start. */
    @Bean
    ClusterNode clusterNode(@Value("${hotline.cluster.node-name:}") String configured) {
        String name = configured.isBlank() ? hostName() : configured;
        return new ClusterNode(name + "#" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2));
    }

    /**
     * The time to live bounds the hand-over after a holder died (issue 17: within 10 s): its row expires at most 5 s
     * after its last renewal and a waiting node tries again right then. Renewed every second, the holder's own belief
     * (four fifths of the time to live) survives three missed renewals.
     */
    @Bean
    SingletonLease singletonLease(ClusterNode node, JdbcClient jdbc, LeaseConnection connection,
                                  @Value("${hotline.cluster.enabled:false}") boolean enabled,
                                  @Value("${hotline.cluster.lease-ttl:PT5S}") Duration ttl) {
        return enabled ? new DatabaseLease(jdbc, connection.jdbc(jdbc), "singletons", node.name(), ttl)
                : new SingleNodeLease(node.name());
    }

    @Bean
    LeaseConnection leaseConnection(DataSource dataSource, @Value("${hotline.cluster.enabled:false}") boolean enabled) {
        return new LeaseConnection(enabled ? dataSource : null);
    }

    @Bean
    PostgresSignals nodeSignals(DataSource dataSource, ClusterNode node,
                                @Value("${hotline.cluster.enabled:false}") boolean enabled) {
        return new PostgresSignals(dataSource, node.name(), !enabled);
    }

    @Bean
    InfoContributor clusterInfo(SingletonLease lease, @Value("${hotline.cluster.enabled:false}") boolean enabled) {
        // HAProxy sends the call center's requests to the node whose /actuator/info says "singletons":true
        return builder -> {
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("enabled", enabled);
            cluster.put("node", lease.node());
            cluster.put("singletons", lease.held());
            cluster.put("epoch", lease.epoch());
            builder.withDetail("cluster", cluster);
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }

    record ClusterNode(String name) {}

    /**
     * The keeper's one connection, outside the application's pool: under load every pooled connection may be busy
     * for seconds (bench/capacity measured the pool's 5 s time-outs at load 30), and a renewal waiting for one would
     * let a live holder's lease lapse. Opened at the first try, reopened by the pool after a failover.
     */
    static final class LeaseConnection implements AutoCloseable {

        private final com.zaxxer.hikari.HikariDataSource own;

        LeaseConnection(DataSource application) {
            if (application instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                own = new com.zaxxer.hikari.HikariDataSource();
                own.setPoolName("cluster-lease");
                own.setJdbcUrl(hikari.getJdbcUrl());
                own.setUsername(hikari.getUsername());
                own.setPassword(hikari.getPassword());
                own.setMaximumPoolSize(1);
                own.setConnectionTimeout(2_000);
            } else {
                own = null;
            }
        }

        JdbcClient jdbc(JdbcClient fallback) {
            return own == null ? fallback : JdbcClient.create(own);
        }

        @Override
        public void close() {
            if (own != null) {
                own.close();
            }
        }
    }

    /** What only a cluster needs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hotline.cluster.enabled", havingValue = "true")
    static class Enabled {

        /**
         * With {@code hotline.cluster.sip-probe-timeout} (cluster/node.env: 6 s, three of Kamailio's probes) the holder
         * steps aside when the SIP proxy stops reaching it while it reaches another node; unset, the lease ignores SIP.
         */
        @Bean
        LeaseKeeper leaseKeeper(SingletonLease lease, @Value("${hotline.cluster.lease-renew:PT1S}") Duration every,
                                org.springframework.context.ApplicationEventPublisher events, JdbcClient jdbc,
                                LeaseConnection connection, java.time.Clock clock,
                                org.springframework.beans.factory.ObjectProvider<NodeReachability> reachability,
                                @Value("${hotline.cluster.sip-probe-timeout:#{null}}") Duration probeTimeout) {
            NodeReachability probes = reachability.getIfAvailable();
            ReachabilityGuard guard = probeTimeout == null || probes == null ? null
                    : new ReachabilityGuard(connection.jdbc(jdbc), lease.node(), probeTimeout, probes, clock);
            return new LeaseKeeper((DatabaseLease) lease, every, events, guard);
        }

        @Bean
        LeaseFencing leaseFencing(SingletonLease lease) {
            return new LeaseFencing(lease);
        }

        /**
         * Every {@code @Scheduled} job runs through the lease. The jobs get threads of their own (on a single node
         * Spring Boot runs them on the one scheduled executor the application defines, the ACD's timer thread).
         */
        @Bean
        SchedulingConfigurer leasedScheduling(SingletonLease lease,
                                              @Value("${hotline.cluster.scheduler-threads:4}") int threads) {
            ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
            pool.setPoolSize(threads);
            pool.setThreadNamePrefix("leased-");
            pool.setDaemon(true);
            pool.initialize();
            return registrar -> registrar.setTaskScheduler(new LeasedTaskScheduler(pool, lease));
        }
    }
}
