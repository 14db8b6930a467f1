package org.openhotline.telephony.ivr;

import java.util.Map;
import org.openhotline.telephony.LegId;

/**
 * Implemented by the call center: takes a caller the IVR hands over and finds an agent (then uses the
 * engine's commands to ring and bridge). Called on the caller's IVR thread; must return quickly.
 */
@FunctionalInterface
public interface QueueHandler {
    void enqueue(QueuedCall call);

    record QueuedCall(LegId leg, String queue, String caller, String called, boolean priority,
                      Map<String, String> variables) { }
}
