package org.openhotline.telephony.media;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * What one leg hears from the platform itself and what its keys say: prompts in order, looping music under them
 * (a queued caller), hold music that replaces everything, digits received (RFC 4733) and digits to send, and
 * silence detection for voicemail. The RTP and the room's mix are elsewhere ({@link RtpStream}, {@link Mixer}).
 */
final class LegAudio {
    private final Queue<Playback> playbacks = new ConcurrentLinkedQueue<>();
    private final DtmfReceiver dtmfIn = new DtmfReceiver();
    final DtmfSender dtmfOut = new DtmfSender();
    private volatile boolean held;
    private volatile Playback holdMusic;
    /** Looping music under prompts (a queued caller): prompts interrupt it, it resumes after them. */
    private volatile Playback music;
    private volatile Consumer<Character> onDigit = d -> { };
    private volatile Runnable onSilence = () -> { };
    private volatile SilenceDetector silence;

    /** Mixer thread: replaces the room's mix by hold music, or adds the prompt (else the music) playing now. */
    void mixInto(int[] acc) {
        Playback hold = holdMusic;
        if (held && hold != null) {
            Arrays.fill(acc, 0);
            hold.mixInto(acc);
            return;
        }
        Playback p = playbacks.peek();
        Playback m = music;
        if (p != null) {
            if (!p.mixInto(acc)) {
                playbacks.poll();
                p.done.complete(true);
            }
        } else if (m != null) {
            m.mixInto(acc);
        }
    }

    /** Mixer thread: what the leg said this tick, for the silence detector. */
    void heard(short[] input, boolean present) {
        SilenceDetector s = silence;
        if (s != null && s.update(input, present)) onSilence.run();
    }

    /** RTP thread: an RFC 4733 packet. */
    void digitPacket(RtpPacket p) {
        dtmfIn.onPacket(p, System.nanoTime(), onDigit);
    }

    CompletableFuture<Boolean> play(Prompt prompt) {
        Playback p = new Playback(prompt, false);
        playbacks.add(p);
        return p.done;
    }

    void stopPlayback() {
        Playback p;
        while ((p = playbacks.poll()) != null) p.done.complete(false);
    }

    void music(Prompt prompt) {
        music = prompt == null ? null : new Playback(prompt, true);
    }

    void stopMusic() {
        music = null;
    }

    boolean playsMusic() {
        return music != null;
    }

    void hold(Prompt music) {
        holdMusic = music == null ? null : new Playback(music, true);
        held = true;
    }

    void retrieve() {
        held = false;
        holdMusic = null;
    }

    boolean isHeld() {
        return held;
    }

    void onDigit(Consumer<Character> listener) {
        onDigit = listener;
    }

    void detectSilence(int threshold, int millis, Runnable listener) {
        onSilence = listener;
        silence = new SilenceDetector(threshold, millis);
    }

    void stopSilenceDetection() {
        silence = null;
    }
}
