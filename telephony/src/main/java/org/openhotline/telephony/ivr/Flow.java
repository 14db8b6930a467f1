package org.openhotline.telephony.ivr;

import java.util.Map;

/** An IVR flow: steps by id and the id to start at. Validated when parsed: every successor exists. */
public record Flow(String id, String name, String start, Map<String, Step> steps) {

    public Step step(String stepId) {
        Step s = steps.get(stepId);
        if (s == null) throw new IllegalStateException("flow " + id + " has no step " + stepId);
        return s;
    }
}
