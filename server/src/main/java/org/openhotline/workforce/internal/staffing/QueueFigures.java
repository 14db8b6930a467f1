package org.openhotline.workforce.internal.staffing;

/**
 * What a half hour with {@code agents} on the phones looks like: the share of calls answered within the target time,
 * the share that waits at all, the average wait in seconds over all callers, how busy agents are, and (Erlang A only)
 * the share that hangs up before being answered.
 */
public record QueueFigures(int agents, double serviceLevel, double probabilityOfWaiting, double averageWait,
                           double occupancy, double abandonRate) {}
