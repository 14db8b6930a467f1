package org.openhotline.channels.internal.chat;

import java.time.Instant;

/** One line of a chat; {@code sender} CITIZEN, AGENT, LEADER or SYSTEM; {@code seq} numbers the chat's lines from 1. */
public record ChatMessage(int seq, String sender, String author, String text, String clientId, Instant at) {

    static final int MAX_LENGTH = 1000;

    /**
     * How a team leader is named in a chat: 班长 and the name. Display names of leaders often carry the title already
     * (the demo's 「班长 郑海涛」), which must not read 「班长 班长 郑海涛」.
     */
    static String leader(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.startsWith("班长")) {
            name = name.substring(2).strip();
        }
        return name.isEmpty() ? "班长" : "班长 " + name;
    }
}
