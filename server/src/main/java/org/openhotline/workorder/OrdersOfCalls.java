package org.openhotline.workorder;

import java.util.Collection;
import java.util.List;

/**
 * The work orders recorded from calls, for quality inspection (质检): complaints are a sampling stratum, and the
 * workbench shows the order beside the recording (its detail and timeline come from the work-order API).
 */
public interface OrdersOfCalls {

    record CallOrder(long id, String number, String callId, String appealType, String title, String createdBy) {}

    /** The orders whose {@code call_id} is one of {@code callIds} (merged duplicates included). */
    List<CallOrder> ofCalls(Collection<String> callIds);
}
