package org.openhotline.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One leg's RTP socket: a virtual thread receives into the jitter buffer (audio) or hands RFC 4733 packets on
 * (DTMF); the mixer thread sends one frame per tick. It sends to the address the SDP named until the first packet
 * arrives, then to wherever that packet came from (symmetric RTP, for phones behind NAT). Our own SSRC coming back
 * goes to the {@link EchoCheck}, never to the jitter buffer. Once SDES keys are agreed ({@link #secure}) every packet
 * is SRTP both ways: what fails authentication or replays, plain RTP included, is dropped before anything reads it.
 */
final class RtpStream implements AutoCloseable {
    private final DatagramChannel channel;
    final JitterBuffer jitter = new JitterBuffer(3, 50);
    final EchoCheck echoes = new EchoCheck();
    private final ByteBuffer sendBuf = ByteBuffer.allocate(12 + Codec.FRAME_SAMPLES + SrtpContext.TAG_LENGTH + 16);
    private final byte[] encoded = new byte[Codec.FRAME_SAMPLES];
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong packetsOut = new AtomicLong();
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
    private volatile SrtpContext srtpIn;
    private volatile SrtpContext srtpOut;
    private volatile SdesKey keyIn;
    private volatile SdesKey keyOut;
    private final AtomicLong srtpDropped = new AtomicLong();

    RtpStream(String id, InetSocketAddress local, Consumer<RtpPacket> dtmf) throws IOException {
        this.channel = DatagramChannel.open();
        channel.bind(local);
        Thread.ofVirtual().name("rtp-" + id).start(() -> receive(dtmf));
    }

    private void receive(Consumer<RtpPacket> dtmf) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (channel.isOpen()) {
            try {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                buf.flip();
                SrtpContext srtp = srtpIn;
                if (srtp != null) {
                    int n = srtp.unprotect(buf.array(), buf.limit());
                    if (n < 0) {
                        srtpDropped.incrementAndGet();
                        continue;
                    }
                    buf.limit(n);
                }
                RtpPacket p = RtpPacket.parse(buf);
                if (p == null) continue;
                if (!latched && from instanceof InetSocketAddress isa) {
                    remote = isa;
                    latched = true;
                }
                if (p.ssrc() == ssrc) {
                    // Not heard, but a peer that returns our packets is there: the media watchdog must not hang it up
                    // (an echoing test peer, sipp -rtp_echo, was cut off after the media timeout mid-call).
                    lastPacketNanos = System.nanoTime();
                    echoes.echoed(p.sequence(), p.payload());
                    continue;
                }
                packetsIn.incrementAndGet();
                lastPacketNanos = System.nanoTime();
                if (p.ssrc() != remoteSsrc) {
                    remoteSsrc = p.ssrc();
                    jitter.reset();
                }
                if (p.payloadType() == dtmfPayloadType) {
                    dtmf.accept(p);
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

    /** Mixer thread: whether this tick may send at all (media started, a peer address known). */
    InetSocketAddress sendingTo() {
        return sending ? remote : null;
    }

    /** Mixer thread: this tick's RFC 4733 packets; the RTP clock advances as if audio had been sent. */
    boolean sendDigitFrame(DtmfSender out, InetSocketAddress to) {
        byte[][] packets = out.next(timestamp);
        if (packets == null) return false;
        for (byte[] payload : packets) {
            sendBuf.clear();
            new RtpPacket(dtmfPayloadType, out.startOfEvent(), sequence, out.eventTimestamp(), ssrc, payload)
                    .writeTo(sendBuf);
            sendBuf.flip();
            protect();
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

    /** Mixer thread: one frame of audio in the negotiated codec. */
    void sendAudio(InetSocketAddress to, short[] pcm) {
        Codec c = codec;
        G711.encode(c, pcm, encoded);
        sendBuf.clear();
        echoes.sent(sequence, encoded);
        new RtpPacket(c.payloadType, false, sequence, timestamp, ssrc, encoded).writeTo(sendBuf);
        sendBuf.flip();
        protect();
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        try {
            channel.send(sendBuf, to);
            packetsOut.incrementAndGet();
        } catch (IOException e) {
            // ICMP unreachable etc.: the peer may come back; keep the clock running
        }
    }

    /** Mixer thread: encrypts the packet in {@link #sendBuf} and appends its tag when SRTP is on. */
    private void protect() {
        SrtpContext srtp = srtpOut;
        if (srtp == null) return;
        int n = srtp.protect(sendBuf.array(), sendBuf.limit());
        sendBuf.limit(n);
    }

    /**
     * Switches the stream to SRTP: {@code in} is the peer's key (what we receive), {@code out} ours. The same keys
     * again (a re-INVITE repeating them) keep the contexts, so the rollover counter and replay window carry on.
     */
    void secure(SdesKey in, SdesKey out) {
        if (keyIn == null || !java.util.Arrays.equals(keyIn.key(), in.key()) || !java.util.Arrays.equals(keyIn.salt(), in.salt())) {
            srtpIn = new SrtpContext(in);
            keyIn = in;
        }
        if (keyOut == null || !java.util.Arrays.equals(keyOut.key(), out.key()) || !java.util.Arrays.equals(keyOut.salt(), out.salt())) {
            srtpOut = new SrtpContext(out);
            keyOut = out;
        }
    }

    boolean isSecure() {
        return srtpIn != null;
    }

    long srtpDropped() {
        return srtpDropped.get();
    }

    /** Points the stream at the address and codec the peer's SDP named; a new SDP allows a new latch. */
    void connect(InetSocketAddress address, Codec codec, int dtmfPayloadType) {
        this.remote = address;
        this.latched = false;
        this.codec = codec;
        this.dtmfPayloadType = dtmfPayloadType;
    }

    void startSending() {
        sending = true;
        lastPacketNanos = System.nanoTime();
    }

    boolean sendsDigits() {
        return dtmfPayloadType >= 0;
    }

    long silentForNanos(long nowNanos) {
        return nowNanos - lastPacketNanos;
    }

    int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    InetSocketAddress remote() {
        return remote;
    }

    Codec codec() {
        return codec;
    }

    long packetsIn() {
        return packetsIn.get();
    }

    long packetsOut() {
        return packetsOut.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
