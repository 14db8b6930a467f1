package org.openhotline.telephony.ivr;

import java.time.Duration;
import java.util.Map;

/** One step of an IVR flow. Steps name their successors by id, so a flow is plain data (JSON). */
public sealed interface Step {

    record Play(String prompt, String next) implements Step { }

    /**
     * Plays {@code prompt} and waits for one digit; a digit in {@code options} leads there. No digit within
     * {@code timeout} or a digit not offered plays {@code invalidPrompt} and asks again, up to
     * {@code retries} times; after that the flow goes to {@code onFailure}.
     */
    record Menu(String prompt, Map<String, String> options, Duration timeout, int retries, String invalidPrompt,
                String onFailure) implements Step { }

    /** Collects up to {@code maxDigits} digits (ended early by {@code terminator}) into {@code variable}. */
    record Collect(String prompt, String variable, int minDigits, int maxDigits, String terminator,
                   Duration timeout, String next, String onFailure) implements Step { }

    /** {@code test} is one of working_hours, blacklisted, priority or var:NAME=VALUE. */
    record Condition(String test, String then, String otherwise) implements Step { }

    record SetVariable(String name, String value, String next) implements Step { }

    /** Hands the caller to the call center's queue; the flow ends here. */
    record ToQueue(String queue) implements Step { }

    record Transfer(String number) implements Step { }

    /** Plays {@code prompt}, then records the caller until silence, hang-up or {@code maxDuration}. */
    record Voicemail(String prompt, Duration maxDuration, String next) implements Step { }

    record Hangup(String prompt) implements Step { }
}
