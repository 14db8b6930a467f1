/**
 * Calls in progress and what can be done with them. {@link CallFlow} follows each inbound call from the engine's
 * events (IVR, queue, ringing an agent, talk, survey, end); {@link LiveCalls} files the calls in hand by their caller
 * leg; {@link PhoneBarActions} and {@link PhoneBarController} are the agent's phone bar (answer, hold, mute,
 * transfer, hang up, and a desk phone's own transfer key); {@link Consultations} the consulted transfer and the
 * three-way call; {@link OutboundCalls} the outbound path (外呼) also used by missed-call callbacks; {@link UnitCalls}
 * click-to-call for handling units. The queued caller's position announcements and the post-call satisfaction survey
 * are steps of the same call and live beside it.
 */
package org.openhotline.callcenter.internal.calls;
