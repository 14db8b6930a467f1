package org.openhotline.workorder;

import java.util.List;

/**
 * The text of the work orders taken on a call (title, address and content as the agent wrote them), for quality
 * inspection, which compares them with what the citizen actually said.
 */
public interface CallOrderTexts {

    record OrderText(long orderId, String number, String text) {}

    /** The orders whose call is {@code callId}, oldest first; empty when the call produced none. */
    List<OrderText> ofCall(String callId);
}
