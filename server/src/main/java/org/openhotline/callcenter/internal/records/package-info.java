/**
 * Call records (通话记录, {@code cc_call}): {@link CallRecords} writes each step of a call as it happens (arrival, IVR
 * outcome, queue, offer, answer, transfer, end, satisfaction, recording); the records screen searches, exports and
 * plays them back under role and data scope; quality inspection reads them through
 * {@link org.openhotline.callcenter.CallsForInspection}. Callers' numbers are sealed at rest here
 * ({@link SealedCallColumns}, ADR 041).
 */
package org.openhotline.callcenter.internal.records;
