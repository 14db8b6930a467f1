package org.openhotline.calendar.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due timers on start (moments that passed while the server was down) and then every
 * {@code hotline.calendar.sweep-interval} (5 s by default: under a burst of a million moments the queue of flips takes most of the 60 s promise, so the sweep must not add 15 s of its own; an idle sweep is one indexed query).
 */
@Component
class TimerSweep {

    private static final Logger log = LoggerFactory.getLogger(TimerSweep.class);

    private final Timers timers;
    private final Clock clock;

    TimerSweep(Timers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int fired = timers.fireDue(clock::instant);
        if (fired > 0) {
            log.info("Fired {} timers whose moment passed while the server was down", fired);
        }
    }

    @Scheduled(fixedDelayString = "${hotline.calendar.sweep-interval:PT5S}",
               initialDelayString = "${hotline.calendar.sweep-interval:PT5S}")
    void sweep() {
        timers.fireDue(clock::instant);
    }
}
