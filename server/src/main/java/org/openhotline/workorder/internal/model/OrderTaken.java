package org.openhotline.workorder.internal.model;

import java.time.Instant;

/**
 * A new order's own words, published with {@code WorkOrderCreated} for this module's synchronous listeners in the
 * intake's transaction (the special-order rules), which read them back from the row just inserted before (issue 14).
 * It never leaves the module and is never stored: no transactional listener takes it, so the event registry writes no
 * publication. {@code callerPhoneIndex} is the blind index of the caller's number (null without one).
 */
public record OrderTaken(long workOrderId, String title, String content, boolean confidential, byte[] callerPhoneIndex,
                         Instant at) {}
