package org.openhotline.telephony;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openhotline.telephony.ivr.IvrCall;

/** The IVR's view of a leg: blocking prompts with barge-in, digits, voicemail recording. */
final class EngineIvrCall implements IvrCall {
    private static final long SLICE_MS = 20;
    private final TelephonyEngine engine;
    private final ActiveLeg leg;

    EngineIvrCall(TelephonyEngine engine, ActiveLeg leg) {
        this.engine = engine;
        this.leg = leg;
    }

    @Override
    public String caller() {
        return leg.sip.from;
    }

    @Override
    public String called() {
        return leg.sip.to;
    }

    @Override
    public void answer() {
        engine.answer(leg.id);
    }

    @Override
    public void earlyMedia() {
        engine.earlyMedia(leg.id);
    }

    @Override
    public boolean play(String prompt) {
        if (!leg.digits.isEmpty()) return true; // the caller already chose: skip the prompt
        CompletableFuture<Boolean> done;
        try {
            done = engine.play(leg.id, prompt);
        } catch (IllegalArgumentException gone) {
            throw new CallerLeft(); // hung up between two steps
        }
        try {
            while (!done.isDone()) {
                if (leg.ended()) throw new CallerLeft();
                if (!leg.digits.isEmpty()) {
                    leg.sip.media.stopPlayback();
                    return true;
                }
                try {
                    done.get(SLICE_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException ignored) {
                    // poll again
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerLeft();
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public char nextDigit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (leg.ended()) throw new CallerLeft();
                long left = deadline - System.nanoTime();
                if (left <= 0) return 0;
                Character d = leg.digits.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                if (d != null) return d;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerLeft();
        }
    }

    @Override
    public Path recordMessage(Duration max) {
        return engine.recordVoicemail(leg, max);
    }

    @Override
    public void transfer(String number) {
        engine.transfer(leg.id, number);
    }

    @Override
    public void hangup() {
        engine.hangup(leg.id);
    }
}
