/**
 * The pipe itself: counterparts and their keys, signatures, the outbox and its sender (batches in order per order,
 * backoff per counterpart, dead letters only for messages the counterpart refused), the inbox endpoint (verify,
 * validate, store, then acknowledge) and the worker that applies stored messages in order per order, in batches
 * sharing a transaction. Sender and worker run on threads of their own ({@code PipeLoops}), not on the scheduler's
 * one thread, where each waited for the other and for every other scheduled job.
 */
package org.openhotline.exchange.internal.pipe;
