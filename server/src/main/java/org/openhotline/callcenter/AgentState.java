package org.openhotline.callcenter;

/** An agent's state (坐席状态). Only READY agents are offered calls. */
public enum AgentState {
    SIGNED_OUT("签出"), READY("示闲"), NOT_READY("示忙"), RINGING("振铃"), TALKING("通话"), HELD("保持"),
    AFTER_CALL_WORK("整理"), BREAK("小休");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States an agent chooses at the phone bar (the others follow calls). */
    public boolean chosenByAgent() {
        return this == READY || this == NOT_READY || this == BREAK || this == SIGNED_OUT;
    }

    public boolean onCall() {
        return this == RINGING || this == TALKING || this == HELD;
    }
}
