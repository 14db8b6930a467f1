package org.openhotline.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The media side of one call leg: an RTP socket, its jitter buffer, what is being played to it and where
 * it sits in the mix. A virtual thread receives; the mixer thread reads one frame and sends one frame per
 * tick. The leg sends to the address the SDP named until the first packet arrives, then to wherever
 * that packet came from (symmetric RTP), which is what phones behind NAT need.
 */
public final class MediaLeg implements AutoCloseable {
    private final String id;
    private final DatagramChannel channel;
    private final JitterBuffer jitter = new JitterBuffer(3, 50);
    private final DtmfReceiver dtmf = new DtmfReceiver();
    private final DtmfSender dtmfOut = new DtmfSender();
    private final Queue<Playback> playbacks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer sendBuf = ByteBuffer.allocate(12 + Codec.FRAME_SAMPLES);
    private final byte[] encoded = new byte[Codec.FRAME_SAMPLES];
    final short[] input = new short[Codec.FRAME_SAMPLES];
    private final short[] output = new short[Codec.FRAME_SAMPLES];
    boolean inputPresent;
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong packetsOut = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong intactEchoes = new AtomicLong();
    private final AtomicIntegerArray sentDigest = new AtomicIntegerArray(256);
    private final long ssrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
    private int sequence = ThreadLocalRandom.current().nextInt(65536);
    private long timestamp = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
    private volatile InetSocketAddress remote;
    private volatile boolean latched;
    private volatile long remoteSsrc = -1;
    private volatile Codec codec = Codec.PCMU;
    private volatile int dtmfPayloadType = 101;
    private volatile boolean sending;
    private volatile long lastPacketNanos = System.nanoTime();
    private volatile boolean held;
    private volatile Playback holdMusic;
    /** Looping music under prompts (a queued caller): prompts interrupt it, it resumes after them. */
    private volatile Playback music;
    private volatile boolean muted;
    volatile Room room;

    public Role role() {
        return role;
    }
    volatile Role role = Role.SPEAKER;
    volatile MediaLeg whisperTarget;
    private volatile Consumer<Character> onDigit = d -> { };
    private volatile Runnable onSilence = () -> { };
    private volatile SilenceDetector silence;

    public MediaLeg(String id, InetSocketAddress local) throws IOException {
        this.id = id;
        this.channel = DatagramChannel.open();
        channel.bind(local);
        Thread.ofVirtual().name("rtp-" + id).start(this::receive);
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (channel.isOpen()) {
            try {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                buf.flip();
                RtpPacket p = RtpPacket.parse(buf);
                if (p == null) continue;
                if (!latched && from instanceof InetSocketAddress isa) {
                    remote = isa;
                    latched = true;
                }
                if (p.ssrc() == ssrc) {
                    // our own stream came back (a peer echoing, or a loop, RFC 3550 8.2): never play it,
                    // but note whether it arrived intact: proof of what the peer received
                    echoes.incrementAndGet();
                    if (sentDigest.get(p.sequence() & 0xFF) == Arrays.hashCode(p.payload())) {
                        intactEchoes.incrementAndGet();
                    }
                    continue;
                }
                packetsIn.incrementAndGet();
                lastPacketNanos = System.nanoTime();
                if (p.ssrc() != remoteSsrc) {
                    remoteSsrc = p.ssrc();
                    jitter.reset();
                }
                if (p.payloadType() == dtmfPayloadType) {
                    dtmf.onPacket(p, System.nanoTime(), onDigit);
                } else if (p.payloadType() == Codec.PCMU.payloadType || p.payloadType() == Codec.PCMA.payloadType) {
                    jitter.offer(p.sequence(), p.payload());
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // a broken datagram must not end the leg's audio
            }
        }
    }

    /** Mixer thread: decodes this tick's frame into {@link #input}. */
    void pull() {
        byte[] payload = jitter.poll();
        inputPresent = payload != null;
        if (payload != null) {
            // the payload type may differ from ours only if the peer ignored the answer; decode by ours
            G711.decode(codec, payload, 0, payload.length, input);
        } else {
            Arrays.fill(input, (short) 0);
        }
        SilenceDetector s = silence;
        if (s != null && s.update(input, inputPresent)) onSilence.run();
    }

    /** Mixer thread: adds what this leg hears from prompts, then sends the frame. */
    void push(int[] acc) {
        Playback hold = holdMusic;
        if (held && hold != null) {
            Arrays.fill(acc, 0);
            hold.mixInto(acc);
        } else {
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
        InetSocketAddress to = remote;
        if (!sending || to == null) return;
        if (dtmfOut.busy() && sendDigitFrame(to)) return;
        short[] pcm = output;
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) Math.max(-32768, Math.min(32767, acc[i]));
        send(to, pcm);
    }

    /** Sends this tick's RFC 4733 packets; the RTP clock advances as if audio had been sent. */
    private boolean sendDigitFrame(InetSocketAddress to) {
        byte[][] packets = dtmfOut.next(timestamp);
        if (packets == null) return false;
        for (byte[] payload : packets) {
            sendBuf.clear();
            new RtpPacket(dtmfPayloadType, dtmfOut.startOfEvent(), sequence, dtmfOut.eventTimestamp(), ssrc, payload)
                    .writeTo(sendBuf);
            sendBuf.flip();
            sequence = (sequence + 1) & 0xFFFF;
            try {
                channel.send(sendBuf, to);
            } catch (IOException e) {
                // as for audio: keep the clock running
            }
        }
        timestamp = (timestamp + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        return true;
    }

    /** Queues a digit to send as RFC 4733 events (relayed DTMF, e.g. into another city's 12345 IVR). */
    public void sendDigit(char digit) {
        if (dtmfPayloadType >= 0) dtmfOut.add(digit);
    }

    private void send(InetSocketAddress to, short[] pcm) {
        Codec c = codec;
        G711.encode(c, pcm, encoded);
        sendBuf.clear();
        sentDigest.set(sequence & 0xFF, Arrays.hashCode(encoded));
        new RtpPacket(c.payloadType, false, sequence, timestamp, ssrc, encoded).writeTo(sendBuf);
        sendBuf.flip();
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        try {
            channel.send(sendBuf, to);
            packetsOut.incrementAndGet();
        } catch (IOException e) {
            // ICMP unreachable etc.: the peer may come back; keep the clock running
        }
    }

    public CompletableFuture<Boolean> play(Prompt prompt) {
        Playback p = new Playback(prompt, false);
        playbacks.add(p);
        return p.done;
    }

    /** Stops prompts; their futures complete with false (interrupted, e.g. by a digit). */
    public void stopPlayback() {
        Playback p;
        while ((p = playbacks.poll()) != null) p.done.complete(false);
    }

    /** Loops {@code prompt} whenever no prompt is playing, until {@link #stopMusic()}. */
    public void music(Prompt prompt) {
        music = prompt == null ? null : new Playback(prompt, true);
    }

    public void stopMusic() {
        music = null;
    }

    public boolean playsMusic() {
        return music != null;
    }

    /** A muted leg is not heard by the other parties of its room (a listening team leader still hears it). */
    public void mute(boolean on) {
        muted = on;
    }

    public boolean isMuted() {
        return muted;
    }

    public void hold(Prompt music) {
        holdMusic = music == null ? null : new Playback(music, true);
        held = true;
    }

    public void retrieve() {
        held = false;
        holdMusic = null;
    }

    public boolean isHeld() {
        return held;
    }

    /** Points the leg at the address and codec the peer's SDP named; a new SDP allows a new latch. */
    public void connect(InetSocketAddress address, Codec codec, int dtmfPayloadType) {
        this.remote = address;
        this.latched = false;
        this.codec = codec;
        this.dtmfPayloadType = dtmfPayloadType;
    }

    public void startSending() {
        sending = true;
        lastPacketNanos = System.nanoTime();
    }

    /** Nanoseconds since the last RTP packet arrived (or since media started). */
    public long silentForNanos(long nowNanos) {
        return nowNanos - lastPacketNanos;
    }

    public void onDigit(Consumer<Character> listener) {
        onDigit = listener;
    }

    public void detectSilence(int threshold, int millis, Runnable listener) {
        onSilence = listener;
        silence = new SilenceDetector(threshold, millis);
    }

    public void stopSilenceDetection() {
        silence = null;
    }

    public String id() {
        return id;
    }

    public int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public Codec codec() {
        return codec;
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    public long packetsOut() {
        return packetsOut.get();
    }

    /** Packets that came back carrying our own SSRC: proof that the peer received what we sent. */
    public long echoesReceived() {
        return echoes.get();
    }

    /** Echoed packets whose payload equals what we sent with that sequence number. */
    public long intactEchoes() {
        return intactEchoes.get();
    }

    public long framesLost() {
        return jitter.lost() + jitter.late();
    }

    public Room room() {
        return room;
    }

    @Override
    public void close() {
        stopPlayback();
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
