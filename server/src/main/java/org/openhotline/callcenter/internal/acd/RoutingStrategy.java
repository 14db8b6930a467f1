package org.openhotline.callcenter.internal.acd;

/** How a skill group picks among its ready agents (话务分配策略). */
public enum RoutingStrategy {
    /** The agent ready the longest gets the call: spreads work evenly over time. */
    LONGEST_IDLE("最长空闲优先"),
    /** The most skilled agent (level 5 before 1) first; equal levels by longest idle. */
    SKILL_LEVEL("技能等级优先"),
    /** Agents in turn by agent number, continuing after the last one offered a call. */
    ROUND_ROBIN("轮询"),
    /** The agent who answered the fewest calls today first; ties by longest idle. */
    FEWEST_CALLS("当日接听最少优先");

    private final String label;

    RoutingStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
