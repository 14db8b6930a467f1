package org.openhotline.telephony;

import java.util.Map;
import org.openhotline.telephony.TelephonyEvent.IvrFinished;
import org.openhotline.telephony.ivr.Flow;
import org.openhotline.telephony.ivr.IvrSession;
import org.openhotline.telephony.ivr.QueueHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a caller's IVR flow on its own virtual thread and reports how it ended. */
final class IvrRunner {
    private static final Logger log = LoggerFactory.getLogger(IvrRunner.class);
    private final TelephonyEngine engine;
    private final TelephonyEngine.EngineParts parts;
    private final Events events;

    IvrRunner(TelephonyEngine engine, TelephonyEngine.EngineParts parts, Events events) {
        this.engine = engine;
        this.parts = parts;
        this.events = events;
    }

    void start(ActiveLeg leg, Flow flow) {
        Thread.ofVirtual().name("ivr-" + leg.id.value()).start(() -> {
            IvrSession.Result r;
            try {
                // the hand-over travels with the events: the call center never sees a queued caller before
                // the call arrived, nor after it ended
                QueueHandler inOrder = queued -> events.run(() -> parts.queues().enqueue(queued), queued);
                r = new IvrSession(flow, new EngineIvrCall(engine, leg), leg.id, inOrder, parts.hours(),
                        parts.callerLists(), parts.clock()).run();
            } catch (RuntimeException e) {
                // a broken flow or a failing queue handler must not leave the caller in silence
                log.warn("IVR {} failed for {}: {}", flow.id(), leg.id, e.toString());
                engine.hangup(leg.id);
                r = new IvrSession.Result("failed", Map.of());
            }
            events.emit(new IvrFinished(leg.id, flow.id(), r.outcome(), r.variables()));
        });
    }
}
