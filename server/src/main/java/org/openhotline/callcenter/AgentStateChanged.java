package org.openhotline.callcenter;

import java.time.Instant;

/** An agent moved from one state to another; {@code by} is who did it (the agent, a team leader, the ACD). */
public record AgentStateChanged(long accountId, String agentNo, AgentState from, AgentState to, String reason,
                                String by, Instant at) {}
