package org.openhotline.callcenter;

import java.time.Instant;

/**
 * A call's recording is closed and on record (the stereo WAV at {@code path}: citizen left, agent right), published
 * in the transaction that writes the path into the call record, so that machine inspection (质检) analyses every
 * recorded call exactly once it can read the whole file.
 */
public record CallRecorded(String callId, String path, long lengthMillis, Instant at) {}
