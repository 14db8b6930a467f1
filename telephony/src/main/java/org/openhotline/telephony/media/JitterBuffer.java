package org.openhotline.telephony.media;

import java.util.TreeMap;

/**
 * Reorders RTP frames by sequence number and hands the mixer one frame per tick. It waits for
 * {@code prefill} frames before playing, so that a packet overtaken by its successor still finds its
 * slot; a missing frame is declared lost only once {@code prefill} later frames have arrived, and a
 * frame arriving after its slot was played is dropped as late. Sequence numbers are extended past the
 * 16-bit wrap.
 */
public final class JitterBuffer {
    private final int prefill;
    private final int capacity;
    private final TreeMap<Long, byte[]> frames = new TreeMap<>();
    private long lastExtended = -1;
    private long next = -1;
    private boolean playing;
    private long received;
    private long lost;
    private long late;

    public JitterBuffer(int prefill, int capacity) {
        this.prefill = prefill;
        this.capacity = capacity;
    }

    public synchronized void offer(int sequence, byte[] payload) {
        long ext = extend(sequence);
        received++;
        if (playing && ext < next) {
            late++;
            return;
        }
        frames.putIfAbsent(ext, payload);
        while (frames.size() > capacity) frames.pollFirstEntry(); // sender faster than our clock: drop oldest
        if (playing && next < frames.firstKey() - capacity) next = frames.firstKey();
    }

    /** The next frame's payload, or null when the slot is lost or the buffer is (re)filling. */
    public synchronized byte[] poll() {
        if (!playing) {
            if (frames.size() < prefill) return null;
            playing = true;
            next = frames.firstKey();
        }
        if (frames.isEmpty()) {
            playing = false; // underrun: the sender paused; refill before playing again
            return null;
        }
        byte[] frame = frames.remove(next);
        if (frame != null) {
            next++;
            return frame;
        }
        if (frames.lastKey() - next >= prefill) {
            lost++;
            next++;
        }
        return null;
    }

    /** Forgets everything, e.g. when the sender's SSRC changes after a re-INVITE. */
    public synchronized void reset() {
        frames.clear();
        playing = false;
        lastExtended = -1;
        next = -1;
    }

    private long extend(int sequence) {
        if (lastExtended < 0) {
            lastExtended = sequence + 65536L; // start one cycle up so that early reordering stays positive
            return lastExtended;
        }
        int delta = (short) (sequence - (int) (lastExtended & 0xFFFF));
        long ext = lastExtended + delta;
        if (ext > lastExtended) lastExtended = ext;
        return ext;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized long lost() {
        return lost;
    }

    public synchronized long late() {
        return late;
    }
}
