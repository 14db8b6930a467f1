package org.openhotline.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test phone's audio: sends a sine tone as PCMU every 20 ms and keeps what it hears, so a test can ask
 * "do I hear 700 Hz?" (Goertzel) instead of trusting packet counts alone.
 */
public final class RtpPeer implements AutoCloseable {
    private final DatagramChannel channel;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final short[] heard = new short[8000 * 30];
    private int heardLength;
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong packetsOut = new AtomicLong();
    /** RFC 4733 digits received, one per event. */
    public final java.util.List<Character> digits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long lastEventTimestamp = -1;
    private volatile InetSocketAddress target;
    private volatile double toneHz;
    private int seq;
    private long ts;
    private long phase;
    private final long ssrc = (long) (Math.random() * 0xFFFFFFFL);

    public RtpPeer(double toneHz) throws IOException {
        this.toneHz = toneHz;
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(this::receive);
        sender.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public void sendTo(InetSocketAddress to) {
        this.target = to;
    }

    public void tone(double hz) {
        this.toneHz = hz;
    }

    private void sendFrame() {
        InetSocketAddress to = target;
        if (to == null) return;
        short[] pcm = new short[160];
        for (int i = 0; i < pcm.length; i++, phase++) {
            pcm[i] = toneHz <= 0 ? 0 : (short) (6000 * Math.sin(2 * Math.PI * toneHz * phase / 8000));
        }
        byte[] payload = new byte[160];
        G711.encode(Codec.PCMU, pcm, payload);
        send(to, new RtpPacket(0, false, seq++ & 0xFFFF, ts, ssrc, payload));
        ts += 160;
    }

    /** Sends one RFC 4733 event: a start packet and three end packets, as phones do. */
    public void sendDigit(char digit) {
        InetSocketAddress to = target;
        int event = "0123456789*#".indexOf(digit);
        long eventTs = ts;
        for (int i = 0; i < 4; i++) {
            boolean end = i > 0;
            int duration = 160 * (i + 1);
            byte[] p = {(byte) event, (byte) (end ? 0x8A : 0x0A), (byte) (duration >> 8), (byte) duration};
            send(to, new RtpPacket(101, i == 0, seq++ & 0xFFFF, eventTs, ssrc, p));
        }
    }

    private synchronized void send(InetSocketAddress to, RtpPacket p) {
        ByteBuffer b = ByteBuffer.allocate(12 + p.payload().length);
        p.writeTo(b);
        b.flip();
        try {
            channel.send(b, to);
            packetsOut.incrementAndGet();
        } catch (IOException ignored) {
            // test peer: the engine may be gone already
        }
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        short[] pcm = new short[160];
        while (channel.isOpen()) {
            try {
                buf.clear();
                channel.receive(buf);
                buf.flip();
                RtpPacket p = RtpPacket.parse(buf);
                if (p == null) continue;
                packetsIn.incrementAndGet();
                if (p.payloadType() == 101 && p.timestamp() != lastEventTimestamp && p.payload().length >= 4) {
                    lastEventTimestamp = p.timestamp();
                    digits.add("0123456789*#".charAt(Math.min(11, p.payload()[0])));
                }
                Codec c = Codec.byPayloadType(p.payloadType());
                if (c == null) continue;
                G711.decode(c, p.payload(), 0, p.payload().length, pcm);
                synchronized (this) {
                    if (heardLength + 160 <= heard.length) {
                        System.arraycopy(pcm, 0, heard, heardLength, 160);
                        heardLength += 160;
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A copy of what was heard since {@link #forget()}: 8 kHz samples, one 160-sample frame per packet. */
    public synchronized short[] heard() {
        return java.util.Arrays.copyOf(heard, heardLength);
    }

    public synchronized void forget() {
        heardLength = 0;
    }

    /** Packets this peer has sent (audio and digits), for tests that wait until it has spoken long enough. */
    public long packetsOut() {
        return packetsOut.get();
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    /** Amplitude of {@code hz} in what was heard since {@link #forget()} (a 6000-amplitude tone gives ~6000). */
    public synchronized double level(double hz) {
        int n = heardLength;
        if (n == 0) return 0;
        double k = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double s0 = heard[i] + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / n;
    }

    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        channel.close();
    }
}
