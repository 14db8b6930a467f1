package org.openhotline.callcenter.internal.calls;

import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.telephony.LegId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The post-call satisfaction survey (满意度调查): when the agent hangs up first, the caller stays on the line
 * and hears "满意请按 1，基本满意请按 2，不满意请按 3". The key lands on the call record ({@code satisfaction})
 * and in the agent's figures of the day. {@code hotline.callcenter.survey=false} turns it off.
 */
@Component
public class SatisfactionSurvey {

    public static final String FLOW = "satisfaction-survey";

    private static final Logger log = LoggerFactory.getLogger(SatisfactionSurvey.class);

    private final boolean enabled;
    private final Switchboard runtime;

    SatisfactionSurvey(@Value("${hotline.callcenter.survey:true}") boolean enabled, Switchboard runtime) {
        this.enabled = enabled;
        this.runtime = runtime;
    }

    boolean enabled() {
        return enabled;
    }

    /** Sends the caller to the survey; false when it cannot run (off, or the caller is gone). */
    boolean offerTo(LegId caller) {
        if (!enabled) {
            return false;
        }
        try {
            runtime.engine().runFlow(caller, FLOW);
            return true;
        } catch (RuntimeException e) {
            log.debug("No survey for {}: {}", caller, e.getMessage());
            return false;
        }
    }

    /** The survey flow: one menu, the answer kept as variable {@code satisfaction}, thanks, goodbye. */
    public static String definition() {
        return """
                {"id": "%s", "name": "满意度调查", "start": "ask",
                 "steps": {
                   "ask": {"type": "menu", "prompt": "survey", "options": {"1": "satisfied", "2": "fair", "3": "unsatisfied"},
                           "timeoutSeconds": 8, "retries": 1, "invalidPrompt": "invalid", "onFailure": "bye"},
                   "satisfied": {"type": "set", "name": "satisfaction", "value": "1", "next": "thanks"},
                   "fair": {"type": "set", "name": "satisfaction", "value": "2", "next": "thanks"},
                   "unsatisfied": {"type": "set", "name": "satisfaction", "value": "3", "next": "thanks"},
                   "thanks": {"type": "hangup", "prompt": "survey-thanks"},
                   "bye": {"type": "hangup", "prompt": "goodbye"}}}""".formatted(FLOW);
    }
}
