package org.openhotline.telephony.ivr;

import java.util.Map;
import org.openhotline.telephony.LegId;

/**
 * Implemented by the call center: takes a caller the IVR hands over and finds an agent (then uses the
 * engine's commands to ring and bridge). Called on the engine's event thread, in order with the leg's events
 * (after its {@code CallArrived}; before its {@code Ended} unless the caller left while being handed over, in
 * which case {@code Ended} comes first and the hand-over is for a leg that is gone); must return quickly.
 */
@FunctionalInterface
public interface QueueHandler {
    void enqueue(QueuedCall call);

    record QueuedCall(LegId leg, String queue, String caller, String called, boolean priority,
                      Map<String, String> variables) { }
}
