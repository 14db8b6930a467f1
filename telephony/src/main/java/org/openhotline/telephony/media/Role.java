package org.openhotline.telephony.media;

/**
 * How a leg takes part in a room. A speaker hears all other speakers and is heard by them (a bridge is a
 * room of two speakers, a three-way call or a barge-in a room of three). A listener (monitor) hears the
 * speakers and is heard by no one. A whisperer hears the speakers and is heard only by its target (the
 * agent being coached).
 */
public enum Role {
    SPEAKER,
    LISTENER,
    WHISPERER
}
