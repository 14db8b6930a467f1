package org.openhotline.telephony.media;

import java.util.concurrent.CompletableFuture;

/** One prompt being played into a leg; the mixer advances it by one frame per tick. */
final class Playback {
    final Prompt prompt;
    final boolean loop;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private int position;

    Playback(Prompt prompt, boolean loop) {
        this.prompt = prompt;
        this.loop = loop;
    }

    /** Adds the next frame into {@code acc}; returns false once the prompt has finished. */
    boolean mixInto(int[] acc) {
        short[] samples = prompt.samples();
        if (samples.length == 0) return false;
        for (int i = 0; i < acc.length; i++) {
            if (position >= samples.length) {
                if (!loop) return i > 0;
                position = 0;
            }
            acc[i] += samples[position++];
        }
        return loop || position < samples.length;
    }
}
