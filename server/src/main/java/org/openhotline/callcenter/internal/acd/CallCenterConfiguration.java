package org.openhotline.callcenter.internal.acd;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.Timers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the ACD: its deadlines run on one scheduler thread, and its decisions are carried out in order on
 * one dispatcher thread, outside the ACD's lock.
 */
@Configuration(proxyBeanMethods = false)
class CallCenterConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService callCenterScheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("acd-timers").daemon().factory());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService acdDispatch() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("acd-dispatch").daemon().factory());
    }

    @Bean
    Timers acdTimers(ScheduledExecutorService callCenterScheduler, Clock clock) {
        return (when, task) -> {
            long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
            ScheduledFuture<?> future = callCenterScheduler.schedule(task, delay, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }

    @Bean
    Acd acd(Clock clock, Timers acdTimers, AcdOutbox outbox) {
        return new Acd(clock, acdTimers, outbox::post);
    }
}
