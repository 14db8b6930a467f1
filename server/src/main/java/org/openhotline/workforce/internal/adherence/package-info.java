/**
 * Adherence (现场管理): the workforce module's own copy of agent state intervals (from the call center's durable
 * {@link org.openhotline.callcenter.AgentStateRecorded}, idempotent by agent and start), and scheduled against actual
 * per agent and half hour — signed in late, left early, on break too long, not ready for long, signed in outside the
 * shift — with each day's adherence (on the phones while scheduled) and conformance (signed-in time against scheduled
 * time), live up to the clock's now.
 */
package org.openhotline.workforce.internal.adherence;
