package org.openhotline.callcenter.internal.acd;

import java.time.Instant;

/**
 * A call waiting in a skill group's queue. {@code priority} orders callers before arrival time (repeat
 * callers, the elderly, VIPs); {@code since} is when it entered the agent queue (the 20-second answer rate
 * counts from here), kept when a call goes back to the head of the queue after a ring timeout.
 */
public record WaitingCall(String callId, String caller, long groupId, int priority, Instant since) {}
