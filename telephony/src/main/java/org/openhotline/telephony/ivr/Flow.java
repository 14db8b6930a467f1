package org.openhotline.telephony.ivr;

import java.util.Map;

/**
 * An IVR flow: steps by id and the id to start at. Validated when parsed: every successor exists. With
 * {@code earlyMedia} the caller hears prompts and presses keys before the call is answered (183 Session
 * Progress), and the call is answered only when it is bridged to an agent or records a message, so that
 * a caller who gives up in the menu is never billed.
 */
public record Flow(String id, String name, String start, Map<String, Step> steps, boolean earlyMedia) {

    public Step step(String stepId) {
        Step s = steps.get(stepId);
        if (s == null) throw new IllegalStateException("flow " + id + " has no step " + stepId);
        return s;
    }
}
