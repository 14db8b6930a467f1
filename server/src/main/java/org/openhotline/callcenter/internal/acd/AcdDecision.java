package org.openhotline.callcenter.internal.acd;

/** What the ACD decided; the call center turns each into telephony commands and records. */
public sealed interface AcdDecision {

    /** Ring this agent for this call. */
    record Offer(WaitingCall call, long agentId, long viaGroupId) implements AcdDecision {}

    /** The call waited past its group's overflow time and may now go to the overflow group too. */
    record Overflowed(WaitingCall call, long toGroupId) implements AcdDecision {}

    /** The agent did not answer in time: it is now not ready and the call is back at the head of the queue. */
    record RingTimedOut(WaitingCall call, long agentId) implements AcdDecision {}

    /** Nobody took the call within the maximum wait: offer voicemail or a callback request (预约回呼). */
    record WaitedTooLong(WaitingCall call) implements AcdDecision {}

    /** A chat goes to this agent (chats are not rung: the desk shows it at once). */
    record ChatAssigned(String chatId, long agentId, long viaGroupId) implements AcdDecision {}

    /** A chat waits, now at this place in its group's chat queue (told to the citizen). */
    record ChatQueued(WaitingCall chat, int position) implements AcdDecision {}
}
