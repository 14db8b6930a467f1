package org.openhotline.quality.internal.machine.rules;

/** The codes of the machine rules (rows of {@code qc_machine_rule}). */
public final class RuleCodes {
    public static final String DEAD_AIR = "DEAD_AIR";
    public static final String TALK_OVER = "TALK_OVER";
    public static final String AGENT_SHARE = "AGENT_SHARE";
    public static final String SPEECH_RATE = "SPEECH_RATE";
    public static final String SHOUTING = "SHOUTING";
    public static final String LONG_SILENCE_HOLD = "LONG_SILENCE_HOLD";
    public static final String CALL_HOLD = "CALL_HOLD";
    public static final String CALL_TRANSFERS = "CALL_TRANSFERS";
    public static final String CALL_RING = "CALL_RING";
    public static final String CALL_ACW = "CALL_ACW";
    public static final String GREETING = "GREETING";
    public static final String CLOSING = "CLOSING";
    public static final String FORBIDDEN_WORDS = "FORBIDDEN_WORDS";
    public static final String SENSITIVE_WORDS = "SENSITIVE_WORDS";
    public static final String COMPLAINT_WORDS = "COMPLAINT_WORDS";
    public static final String ORDER_MISMATCH = "ORDER_MISMATCH";

    private RuleCodes() {}
}
