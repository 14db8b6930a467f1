package org.openhotline.quality.internal.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhotline.callcenter.RecordedCalls;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-running machine inspection over a period, after rules changed: one run at a time, in the background on one
 * thread, so that a re-run of a month never takes the cores the calls of today need.
 */
@Component
class MachineReruns {

    static final int MAX_CALLS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(MachineReruns.class);
    private final RecordedCalls calls;
    private final MachineInspection inspection;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("qc-machine-rerun").daemon(true).factory());
    private final AtomicBoolean running = new AtomicBoolean();

    MachineReruns(RecordedCalls calls, MachineInspection inspection) {
        this.calls = calls;
        this.inspection = inspection;
    }

    record Rerun(int calls, String startedBy) {}

    Rerun start(Instant from, Instant to, String by) {
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 31) {
            throw DomainException.badRequest("时间段应为开始早于结束、不超过 31 天");
        }
        if (!running.compareAndSet(false, true)) {
            throw DomainException.conflict("已有一次重新机检在进行，请稍后再试");
        }
        List<String> ids = calls.recordedBetween(from, to, MAX_CALLS);
        worker.submit(() -> {
            try {
                for (String id : ids) {
                    try {
                        inspection.analyse(id);
                    } catch (RuntimeException e) {
                        log.warn("Machine inspection of call {} failed: {}", id, e.toString());
                    }
                }
                log.info("Machine inspection re-run by {} finished: {} calls", by, ids.size());
            } finally {
                running.set(false);
            }
        });
        return new Rerun(ids.size(), by);
    }
}
