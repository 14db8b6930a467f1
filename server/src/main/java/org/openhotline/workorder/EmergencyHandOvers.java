package org.openhotline.workorder;

import java.util.List;

/**
 * 12345 ↔ 110/119/120/122 phone linkage (国办发〔2022〕12号): the call center hands a live call over to an emergency
 * service with a three-way hand-over and writes it on the orders of that call, so that whoever reads the order
 * later sees that the citizen was put through to 110 (when, by whom, to which number).
 */
public interface EmergencyHandOvers {

    /** Whether order {@code orderId} was recorded from call {@code callId}. */
    boolean isOfCall(long orderId, String callId);

    /**
     * Writes {@code note} as a step by the agent on order {@code orderId} — which must have been recorded from
     * {@code callId} — or, with no order given, on every order recorded from that call. Returns the numbers of the
     * orders written (none when the agent has not saved an order of the call yet).
     */
    List<String> handedOver(String callId, Long orderId, String note, String agentUsername, String agentName);
}
