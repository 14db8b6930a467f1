package org.openhotline.exchange.internal.pipe;

import tools.jackson.databind.JsonNode;

/** What a received message of one type does here; runs in the transaction that marks the message applied. */
public interface IncomingMessage {

    String type();

    void apply(Counterpart from, String orderKey, long seq, JsonNode payload);
}
