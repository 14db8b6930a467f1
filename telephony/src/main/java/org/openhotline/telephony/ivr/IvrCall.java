package org.openhotline.telephony.ivr;

import java.nio.file.Path;
import java.time.Duration;

/** What the IVR needs from a call; the engine implements it over a leg, tests over a script. */
public interface IvrCall {
    String caller();

    String called();

    /** Answers the call if not yet answered. */
    void answer();

    /** Lets prompts and digits flow before answering (183 with SDP). */
    void earlyMedia();

    /** Plays a prompt; returns early when a digit arrives (barge-in). Returns false if the caller left. */
    boolean play(String prompt);

    /** The next digit, or 0 when none came within {@code timeout}; throws {@link CallerLeft} if the caller hung up. */
    char nextDigit(Duration timeout);

    /** Records the caller until silence or {@code max}; returns the file. */
    Path recordMessage(Duration max);

    void transfer(String number);

    void hangup();

    /** Thrown when the caller hung up during a step. */
    final class CallerLeft extends RuntimeException {
        public CallerLeft() {
            super("caller left", null, false, false);
        }
    }
}
