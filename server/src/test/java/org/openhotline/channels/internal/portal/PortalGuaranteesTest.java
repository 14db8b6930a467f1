package org.openhotline.channels.internal.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.DomainException;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the portal's cheaper submit (issue 14) must still guarantee when several requests — on one node or on two
 * sharing the database — arrive at once: a captcha is spent by one of them only, and a rate limit lets no more hits
 * through than it allows, however the nodes' reservations interleave. Two nodes are two {@link RateLimits} with
 * their own memory on the one test database.
 */
@HotlineTest
class PortalGuaranteesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubmitGate gate;
    @Autowired
    Captchas captchas;
    @Autowired
    PortalAppeals appeals;

    /** A fixed instant: the test's hits all fall into one window, whenever it runs. */
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:10:00Z"), ZoneOffset.UTC);
    final String bucket = "test-" + UUID.randomUUID();
    /** The citizens' addresses the test submitted from: their counters go after it. */
    final List<String> addresses = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from ch_rate_hit where bucket = ?").param(bucket).update();
        for (String address : addresses) {
            jdbc.sql("delete from ch_rate_hit where bucket = ?").param(RateLimits.stored("submit-ip:" + address)).update();
        }
    }

    @Test
    void aCaptchaSentWithFourSubmitsAtOnceLetsOneThrough() throws Exception {
        UUID id = captchas.issue().id();
        int answer = jdbc.sql("select answer from ch_captcha where id = ?").param(id).query(Integer.class).single();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> submits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String address = "test-captcha-" + UUID.randomUUID(); // four citizens: no address limit in the way
            addresses.add(address);
            submits.add(() -> {
                start.await();
                try {
                    gate.pass(address, id, answer, null, appeals.settings());
                    return "passed";
                } catch (DomainException e) {
                    return e.getMessage();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> futures = submits.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes).filteredOn("passed"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("passed")).hasSize(3)
                .allSatisfy(o -> assertThat(o).contains("图形验证码已失效"));
        // and later, too
        String late = "test-captcha-" + UUID.randomUUID();
        addresses.add(late);
        assertThatThrownBy(() -> gate.pass(late, id, answer, null, appeals.settings()))
                .hasMessageContaining("图形验证码已失效");
    }

    @Test
    void aSmallLimitIsCountedHitByHitOnTwoNodes() {
        RateLimits a = new RateLimits(jdbc, clock);
        RateLimits b = new RateLimits(jdbc, clock);
        int passed = 0;
        for (int i = 0; i < 12; i++) {
            try {
                (i % 2 == 0 ? a : b).count(bucket, 5, Duration.ofHours(1), "过于频繁");
                passed++;
            } catch (DomainException e) {
                assertThat(e.getMessage()).isEqualTo("过于频繁");
            }
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void aBusyWindowOnTwoNodesLetsThroughNoMoreThanItsLimitAndCountsWhatItLetThrough() throws Exception {
        int limit = 400; // reserved up to 25 hits at a time
        RateLimits a = new RateLimits(jdbc, clock);
        RateLimits b = new RateLimits(jdbc, clock);
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimits node = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 150; i++) {
                        try {
                            node.count(bucket, limit, Duration.ofHours(1), "过于频繁");
                            passed.incrementAndGet();
                        } catch (DomainException refused) {
                            // over the limit
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        int counted = jdbc.sql("select hits from ch_rate_hit where bucket = ?").param(bucket).query(Integer.class).single();
        assertThat(passed.get()).as("1200 hits against a limit of 400").isLessThanOrEqualTo(limit)
                // given up at most: the rest of the reservation that reached the limit, and a rest each node may
                // still hold when its last hit was made
                .isGreaterThan(limit - 3 * RateLimits.chunkCap(limit));
        assertThat(counted).as("the row counts every hit let through").isGreaterThanOrEqualTo(passed.get());
    }
}
