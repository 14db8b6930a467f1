package org.openhotline.quality.internal.machine.acoustic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One channel of a recording reduced to 10 ms frames: where someone speaks, how many syllable nuclei the speech has,
 * and a loudness curve for spotting shouting.
 *
 * <p>Speech is energy above an adaptive floor: the channel's own background (its quietest tenth of frames) plus a
 * margin, never below an absolute minimum, so that a noisy line and a digitally silent one both work without a
 * setting per trunk. Frames far quieter than the other side's voice of the moment before are its line echo, not
 * speech. A hangover bridges the pauses between words; blips shorter than a syllable are dropped. A
 * syllable nucleus is a peak of the 50 ms energy envelope that rises and falls by a few dB (the de Jong–Wempe idea
 * without the pitch check), which counts Mandarin syllables well enough for a speech-rate proxy.
 */
public final class ChannelAnalysis {

    public static final int FRAME_MS = 10;
    /** Speech must rise this far above the channel's background. */
    static final double MARGIN_DB = 10;
    /** ... and above this absolute level (16-bit full scale is about 90 dB here): line hiss is not speech. */
    static final double MIN_SPEECH_DB = 36;
    static final int HANGOVER_FRAMES = 30;
    static final int MIN_SPEECH_FRAMES = 12;
    static final double NUCLEUS_DIP_DB = 3;
    /** Loudness is compared over this many frames (300 ms): a shout lasts, a click does not. */
    static final int LOUDNESS_FRAMES = 30;
    static final double ECHO_MARGIN_DB = 18;
    static final int ECHO_FRAMES = 30;

    private final double[] db;
    private final double threshold;
    /** Frames that are the other side's voice coming back (line echo), not this side speaking. */
    private final boolean[] echo;
    private final List<Segment> speech;
    private final int nuclei;
    private final double[] loudness;
    private final double usualLoudness;

    private ChannelAnalysis(double[] db, double[] other) {
        this.db = db;
        this.threshold = Math.max(percentile(db, 0.10) + MARGIN_DB, MIN_SPEECH_DB);
        this.echo = echo(db, other);
        this.speech = detectSpeech();
        this.nuclei = countNuclei();
        this.loudness = movingDb(LOUDNESS_FRAMES);
        this.usualLoudness = usualLoudness();
    }

    /** A channel on its own (no other side whose echo it could carry). */
    public static ChannelAnalysis of(short[] samples, int sampleRate) {
        return new ChannelAnalysis(frameDb(samples, sampleRate), null);
    }

    /** A channel whose frames far quieter than the other side's voice just before are that voice's echo. */
    public static ChannelAnalysis of(double[] db, double[] otherDb) {
        return new ChannelAnalysis(db, otherDb);
    }

    /**
     * Echo: a frame more than {@link #ECHO_MARGIN_DB} below the loudest frame of the other side in the last
     * {@link #ECHO_FRAMES} (the line's echo delay). A real voice over the other side is rarely that much quieter.
     */
    private static boolean[] echo(double[] db, double[] other) {
        boolean[] out = new boolean[db.length];
        if (other == null) return out;
        for (int f = 0; f < db.length; f++) {
            double loudest = Double.NEGATIVE_INFINITY;
            for (int g = Math.max(0, f - ECHO_FRAMES); g <= f && g < other.length; g++) loudest = Math.max(loudest, other[g]);
            out[f] = db[f] < loudest - ECHO_MARGIN_DB;
        }
        return out;
    }

    /** Energy of each 10 ms frame in dB (16-bit full scale ≈ 90 dB). */
    public static double[] frameDb(short[] samples, int sampleRate) {
        int frame = sampleRate * FRAME_MS / 1000;
        int frames = samples.length / frame;
        double[] db = new double[frames];
        for (int f = 0, i = 0; f < frames; f++) {
            long sum = 0;
            for (int end = i + frame; i < end; i++) {
                int s = samples[i];
                sum += (long) s * s;
            }
            db[f] = 10 * Math.log10(1 + (double) sum / frame);
        }
        return db;
    }

    private List<Segment> detectSpeech() {
        List<Segment> out = new ArrayList<>();
        int start = -1, lastVoiced = -1, voiced = 0;
        for (int f = 0; f < db.length; f++) {
            if (db[f] >= threshold && !echo[f]) {
                if (start < 0) {
                    start = f;
                    voiced = 0;
                }
                lastVoiced = f;
                voiced++;
            } else if (start >= 0 && f - lastVoiced > HANGOVER_FRAMES) {
                close(out, start, lastVoiced, voiced);
                start = -1;
            }
        }
        if (start >= 0) {
            close(out, start, lastVoiced, voiced);
        }
        return List.copyOf(out);
    }

    private static void close(List<Segment> out, int start, int lastVoiced, int voiced) {
        if (voiced >= MIN_SPEECH_FRAMES) {
            out.add(new Segment((long) start * FRAME_MS, (long) (lastVoiced + 1) * FRAME_MS));
        }
    }

    private int countNuclei() {
        double[] envelope = movingDb(5);
        int count = 0;
        for (Segment s : speech) {
            boolean rising = true;
            double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
            int to = (int) Math.min(envelope.length, s.end() / FRAME_MS + HANGOVER_FRAMES / 2);
            for (int f = (int) (s.start() / FRAME_MS); f < to; f++) {
                double v = envelope[f];
                if (rising) {
                    max = Math.max(max, v);
                    if (v < max - NUCLEUS_DIP_DB) {
                        if (max > threshold + NUCLEUS_DIP_DB) count++;
                        rising = false;
                        min = v;
                    }
                } else {
                    min = Math.min(min, v);
                    if (v > min + NUCLEUS_DIP_DB) {
                        rising = true;
                        max = v;
                    }
                }
            }
        }
        return count;
    }

    /** The mean energy of the {@code width} frames centred on each frame, in dB. */
    private double[] movingDb(int width) {
        double[] out = new double[db.length];
        double sum = 0;
        int half = width / 2;
        double[] energy = new double[db.length];
        for (int f = 0; f < db.length; f++) energy[f] = Math.pow(10, db[f] / 10);
        for (int f = 0; f < Math.min(half, db.length); f++) sum += energy[f];
        for (int f = 0; f < db.length; f++) {
            int add = f + half, drop = f - half - 1;
            if (add < db.length) sum += energy[add];
            if (drop >= 0) sum -= energy[drop];
            int n = Math.min(db.length - 1, f + half) - Math.max(0, f - half) + 1;
            out[f] = 10 * Math.log10(Math.max(1, sum / n));
        }
        return out;
    }

    /** The median 300 ms loudness while speaking: the speaker's own normal voice on this line. */
    private double usualLoudness() {
        int n = 0;
        for (Segment s : speech) n += (int) (s.length() / FRAME_MS);
        if (n == 0) return Double.NaN;
        double[] values = new double[n];
        int i = 0;
        for (Segment s : speech) {
            for (int f = (int) (s.start() / FRAME_MS); f < s.end() / FRAME_MS && i < n; f++) values[i++] = loudness[f];
        }
        return percentile(values, 0.5);
    }

    /** Stretches of at least 300 ms where the voice is {@code aboveDb} louder than usual, merged across 1 s gaps. */
    public List<Segment> loudStretches(double aboveDb) {
        List<Segment> out = new ArrayList<>();
        if (Double.isNaN(usualLoudness)) return out;
        double limit = usualLoudness + aboveDb;
        int start = -1, last = -1;
        for (int f = 0; f < loudness.length; f++) {
            if (loudness[f] >= limit && db[f] >= threshold) {
                if (start >= 0 && f - last > 100) {
                    add(out, start, last);
                    start = -1;
                }
                if (start < 0) start = f;
                last = f;
            }
        }
        if (start >= 0) add(out, start, last);
        return out;
    }

    private static void add(List<Segment> out, int start, int last) {
        if (last - start + 1 >= LOUDNESS_FRAMES) {
            out.add(new Segment((long) start * FRAME_MS, (long) (last + 1) * FRAME_MS));
        }
    }

    public List<Segment> speech() {
        return speech;
    }

    public long speechMillis() {
        return speech.stream().mapToLong(Segment::length).sum();
    }

    public int nuclei() {
        return nuclei;
    }

    /** Syllable nuclei per second of speech (NaN when the channel hardly speaks). */
    public double syllablesPerSecond() {
        long ms = speechMillis();
        return ms < 5000 ? Double.NaN : nuclei * 1000.0 / ms;
    }

    public double usualLoudnessDb() {
        return usualLoudness;
    }

    public long lengthMillis() {
        return (long) db.length * FRAME_MS;
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
