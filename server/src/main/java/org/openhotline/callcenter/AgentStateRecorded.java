package org.openhotline.callcenter;

import java.time.Instant;

/**
 * An agent entered {@code state} at {@code at}: the durable twin of {@link AgentStateChanged}, published in the
 * transaction that writes the state log, so listeners after commit (reporting's state intervals) miss none. The
 * interval ends when the agent's next state starts.
 */
public record AgentStateRecorded(long accountId, AgentState state, String reason, Instant at) {}
