package org.openhotline.telephony.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one clock of the media engine. Every 20 ms a single thread reads one frame from every leg, gives
 * every leg the sum of what it hears (room members by role, prompts, music on hold), sends it, and feeds
 * recorders. One clock for all legs means a bridge never drifts between two legs and a recording's length
 * is exactly its number of ticks. {@link #manual()} builds a mixer that only ticks when a test calls
 * {@link #tick()}.
 */
public final class Mixer implements AutoCloseable {
    public static final long TICK_NANOS = 20_000_000L;
    private final List<MediaLeg> legs = new CopyOnWriteArrayList<>();
    private final List<Recorder> recorders = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock;
    private final TickStats stats = new TickStats();
    private final int[] acc = new int[Codec.FRAME_SAMPLES];
    private final int[] recordAcc = new int[Codec.FRAME_SAMPLES];
    private final short[] recordMix = new short[Codec.FRAME_SAMPLES];
    private long lastTickNanos;

    private Mixer(boolean scheduled) {
        if (scheduled) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "media-mixer");
                t.setDaemon(true);
                t.setPriority(Thread.MAX_PRIORITY);
                return t;
            });
            clock.scheduleAtFixedRate(this::safeTick, 0, TICK_NANOS, TimeUnit.NANOSECONDS);
        } else {
            clock = null;
        }
    }

    public static Mixer start() {
        return new Mixer(true);
    }

    public static Mixer manual() {
        return new Mixer(false);
    }

    private void safeTick() {
        // jitter = how far the interval since the previous tick is from 20 ms (a stall shows twice: the
        // long interval, then the catch-up ticks that follow it back to back)
        long now = System.nanoTime();
        if (lastTickNanos != 0) stats.record(Math.abs(now - lastTickNanos - TICK_NANOS));
        lastTickNanos = now;
        try {
            tick();
        } catch (RuntimeException e) {
            // a fault in one tick must not stop the clock for every call
        }
    }

    public void tick() {
        for (MediaLeg leg : legs) leg.pull();
        for (MediaLeg leg : legs) {
            Arrays.fill(acc, 0);
            Room room = leg.room;
            if (room != null) {
                for (MediaLeg other : room.members) {
                    if (Room.hears(leg, other) && other.inputPresent) {
                        short[] in = other.input;
                        for (int i = 0; i < acc.length; i++) acc[i] += in[i];
                    }
                }
            }
            leg.push(acc);
        }
        for (Recorder r : recorders) {
            r.write(r.left.inputPresent ? r.left.input : null, r.withRoom ? talkingWith(r.left) : null);
        }
    }

    public void add(MediaLeg leg) {
        legs.add(leg);
    }

    public void remove(MediaLeg leg) {
        legs.remove(leg);
        Room room = leg.room;
        if (room != null) room.leave(leg);
        for (Recorder r : recorders) {
            if (r.left == leg) recorders.remove(r);
        }
    }

    /** Records {@code caller}; with {@code withRoom} the right channel carries whoever talks with it (see {@link Recorder}). */
    public Recorder record(Path file, MediaLeg caller, boolean withRoom) throws IOException {
        Recorder r = new Recorder(file, caller, withRoom);
        recorders.add(r);
        return r;
    }

    /**
     * This tick's voices of the speakers in {@code leg}'s room other than itself, mixed (null when none spoke).
     * Muted speakers count: muting hides the agent from the caller, not from the recording.
     */
    private short[] talkingWith(MediaLeg leg) {
        Room room = leg.room;
        if (room == null) return null;
        boolean any = false;
        Arrays.fill(recordAcc, 0);
        for (MediaLeg other : room.members) {
            if (other == leg || other.role != Role.SPEAKER || !other.inputPresent) continue;
            short[] in = other.input;
            for (int i = 0; i < recordAcc.length; i++) recordAcc[i] += in[i];
            any = true;
        }
        if (!any) return null;
        for (int i = 0; i < recordAcc.length; i++) {
            recordMix[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, recordAcc[i]));
        }
        return recordMix;
    }

    /** Stops the recording at a tick boundary and returns its duration. */
    public Duration stopRecording(Recorder r) throws IOException {
        recorders.remove(r);
        return r.close();
    }

    public int legCount() {
        return legs.size();
    }

    public TickStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (clock != null) clock.shutdownNow();
    }
}
