package org.openhotline.quality.machine;

import java.util.Random;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;

/**
 * A stereo call built from known pieces, for the acoustic rules' tests: speech-like bursts (noise shaped into
 * syllables, so many a second) on the citizen's or the agent's channel at given times and levels, over an optional
 * background hiss. What the rules should find is known from how it was built.
 */
final class CallSignal {

    static final int RATE = 8000;
    private final short[] citizen;
    private final short[] agent;
    private final Random random = new Random(42);

    CallSignal(double seconds) {
        citizen = new short[(int) (seconds * RATE)];
        agent = new short[citizen.length];
    }

    enum Side { CITIZEN, AGENT }

    /** Speech from {@code from} to {@code to} seconds: {@code syllables} a second at {@code amplitude} (peak). */
    CallSignal speech(Side side, double from, double to, double syllables, double amplitude) {
        short[] ch = side == Side.CITIZEN ? citizen : agent;
        for (int i = (int) (from * RATE); i < Math.min(ch.length, (int) (to * RATE)); i++) {
            double t = i / (double) RATE - from;
            double envelope = Math.pow(Math.sin(Math.PI * syllables * t), 2);
            double carrier = Math.sin(2 * Math.PI * 180 * t) * 0.6 + random.nextGaussian() * 0.3;
            ch[i] = clip(ch[i] + amplitude * envelope * carrier);
        }
        return this;
    }

    CallSignal speech(Side side, double from, double to) {
        return speech(side, from, to, 4, 4000);
    }

    /** Line hiss on both channels at {@code amplitude} RMS. */
    CallSignal hiss(double amplitude) {
        for (int i = 0; i < citizen.length; i++) {
            citizen[i] = clip(citizen[i] + random.nextGaussian() * amplitude);
            agent[i] = clip(agent[i] + random.nextGaussian() * amplitude);
        }
        return this;
    }

    /** The agent's voice coming back on the citizen's channel, {@code lossDb} down and {@code delay} seconds late. */
    CallSignal echo(double lossDb, double delay) {
        int d = (int) (delay * RATE);
        double gain = Math.pow(10, -lossDb / 20);
        for (int i = citizen.length - 1; i >= d; i--) {
            citizen[i] = clip(citizen[i] + agent[i - d] * gain);
        }
        return this;
    }

    StereoRecording recording() {
        return new StereoRecording(citizen, agent, RATE);
    }

    private static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
