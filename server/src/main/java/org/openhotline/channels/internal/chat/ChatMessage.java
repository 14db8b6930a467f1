package org.openhotline.channels.internal.chat;

import java.time.Instant;

/** One line of a chat; {@code sender} CITIZEN, AGENT, LEADER or SYSTEM; {@code seq} numbers the chat's lines from 1. */
public record ChatMessage(int seq, String sender, String author, String text, String clientId, Instant at) {

    static final int MAX_LENGTH = 1000;
}
