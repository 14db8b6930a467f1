package org.openhotline.telephony;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.sip.Registrations;
import org.openhotline.telephony.sip.SipLeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: hangs up answered legs whose RTP stopped for the media timeout (a phone that lost power
 * sends no BYE), and reports registrations that expired (the agent's phone is gone).
 */
final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telephony-watchdog");
        t.setDaemon(true);
        return t;
    });

    Watchdog(TelephonyConfig config, LiveLegs legs, Registrations registrations, TelephonyEngine engine,
             Events events) {
        long timeout = config.mediaTimeout().toNanos();
        timer.scheduleWithFixedDelay(() -> {
            try {
                long now = System.nanoTime();
                for (ActiveLeg a : legs.all()) {
                    // held legs may legitimately be silent ("inactive")
                    if (timeout > 0 && a.sip.state() == SipLeg.State.ANSWERED && !a.sip.media.isHeld()
                            && !a.sip.remoteHolds() && a.sip.media.silentForNanos(now) > timeout) {
                        log.info("leg {} sent no RTP for {}; hanging up", a.id, config.mediaTimeout());
                        engine.hangup(a.id, EndCause.MEDIA_TIMEOUT);
                    }
                }
                for (String ext : registrations.expire()) {
                    events.emit(new TelephonyEvent.ExtensionRegistration(ext, false));
                }
            } catch (RuntimeException e) {
                log.warn("watchdog: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
