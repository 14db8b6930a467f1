package org.openhotline.exchange.internal.pipe;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One message on the wire: {@code messageId} is its idempotency key (unique per sender), {@code seq} counts the
 * messages of one order from one sender from 1, {@code orderKey} names the order as {@code <origin>:<number>}.
 */
public record Message(String messageId, String orderKey, long seq, String type, int schemaVersion, Instant occurredAt,
                      JsonNode payload) {}
