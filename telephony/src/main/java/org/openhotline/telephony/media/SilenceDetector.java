package org.openhotline.telephony.media;

/**
 * Tells when a leg has been quiet for a while (e.g. the end of a voicemail message). Quiet means the
 * frame's mean absolute amplitude is below a threshold, or no audio arrived at all.
 */
public final class SilenceDetector {
    private final int threshold;
    private final int framesNeeded;
    private int quietFrames;
    private boolean reported;

    public SilenceDetector(int threshold, int millis) {
        this.threshold = threshold;
        this.framesNeeded = Math.max(1, millis / 20);
    }

    /** Returns true exactly once when the silence has lasted long enough. */
    public boolean update(short[] frame, boolean hadAudio) {
        if (hadAudio && level(frame) >= threshold) {
            quietFrames = 0;
            reported = false;
            return false;
        }
        quietFrames++;
        if (!reported && quietFrames >= framesNeeded) {
            reported = true;
            return true;
        }
        return false;
    }

    public static int level(short[] frame) {
        long sum = 0;
        for (short s : frame) sum += Math.abs(s);
        return (int) (sum / frame.length);
    }
}
