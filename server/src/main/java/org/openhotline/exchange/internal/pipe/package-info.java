/**
 * The pipe itself: counterparts and their keys, signatures, the outbox and its sender (batches in order per order,
 * backoff per counterpart, dead letters only for messages the counterpart refused), the inbox endpoint (verify,
 * validate, store, then acknowledge) and the worker that applies stored messages in order per order.
 */
package org.openhotline.exchange.internal.pipe;
