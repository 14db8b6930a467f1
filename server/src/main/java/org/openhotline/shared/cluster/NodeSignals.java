package org.openhotline.shared.cluster;

import java.util.function.Consumer;

/**
 * Signals between the nodes of a cluster, for live screens: a node that changed something a screen shows sends a
 * short signal on a topic; every other node hears it and refreshes its own subscribers (re-reading the database if
 * it needs the figures). Sent inside a transaction, a signal leaves at commit and not at all on rollback. Signals
 * are not stored: a node that was away gets {@code null} on every topic when it is back, meaning "re-read".
 */
public interface NodeSignals {

    /** The most data a signal carries (PostgreSQL's NOTIFY takes 8000 bytes with the topic and the node). */
    int MAX_DATA_BYTES = 7000;

    /** Sends {@code data} (a key, not the figures; at most {@link #MAX_DATA_BYTES} bytes) to the other nodes. */
    void send(String topic, String data);

    /** Calls {@code handler} with the data of each signal on {@code topic} from another node (null: re-read all). */
    void on(String topic, Consumer<String> handler);
}
