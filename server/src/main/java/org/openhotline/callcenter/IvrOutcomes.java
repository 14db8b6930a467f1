package org.openhotline.callcenter;

import java.time.Instant;

/** What a caller did in the IVR that matters after the call: a voicemail left, a service chosen and then a hang-up. */
public final class IvrOutcomes {

    private IvrOutcomes() {}

    /**
     * The caller left a voicemail (留言); {@code path} is the WAV file, played back through the call center's API;
     * {@code seconds} its length (null when the file could not be read), for 客户留言统计.
     */
    public record VoicemailLeft(String callId, String path, Double seconds, Instant at) {}

    /** The caller chose a service in the IVR menu ({@code choice} is the digit) and hung up before reaching the queue. */
    public record LeftAfterChoosing(String callId, String choice, Instant at) {}
}
