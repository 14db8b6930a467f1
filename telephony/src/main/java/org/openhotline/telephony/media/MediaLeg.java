package org.openhotline.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The media side of one call leg: its RTP stream ({@link RtpStream}, with the echo check), what the platform plays
 * to it and the keys it presses ({@link LegAudio}), and where it sits in the mix (room, role, mute). The mixer thread
 * reads one frame ({@link #pull}) and sends one frame ({@link #push}) per tick.
 */
public final class MediaLeg implements AutoCloseable {
    private final String id;
    private final RtpStream rtp;
    private final LegAudio audio = new LegAudio();
    final short[] input = new short[Codec.FRAME_SAMPLES];
    private final short[] output = new short[Codec.FRAME_SAMPLES];
    boolean inputPresent;
    private volatile boolean muted;
    volatile Room room;
    volatile Role role = Role.SPEAKER;
    volatile MediaLeg whisperTarget;

    public MediaLeg(String id, InetSocketAddress local) throws IOException {
        this.id = id;
        this.rtp = new RtpStream(id, local, audio::digitPacket);
    }

    public Role role() {
        return role;
    }

    /** Mixer thread: decodes this tick's frame into {@link #input}. */
    void pull() {
        byte[] payload = rtp.jitter.poll();
        inputPresent = payload != null;
        if (payload != null) {
            // the payload type may differ from ours only if the peer ignored the answer; decode by ours
            G711.decode(rtp.codec(), payload, 0, payload.length, input);
        } else {
            Arrays.fill(input, (short) 0);
        }
        audio.heard(input, inputPresent);
    }

    /** Mixer thread: adds what this leg hears from prompts, then sends the frame. */
    void push(int[] acc) {
        audio.mixInto(acc);
        InetSocketAddress to = rtp.sendingTo();
        if (to == null) return;
        if (audio.dtmfOut.busy() && rtp.sendDigitFrame(audio.dtmfOut, to)) return;
        short[] pcm = output;
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) Math.max(-32768, Math.min(32767, acc[i]));
        rtp.sendAudio(to, pcm);
    }

    /** Queues a digit to send as RFC 4733 events (relayed DTMF, e.g. into another city's 12345 IVR). */
    public void sendDigit(char digit) {
        if (rtp.sendsDigits()) audio.dtmfOut.add(digit);
    }

    public CompletableFuture<Boolean> play(Prompt prompt) {
        return audio.play(prompt);
    }

    /** Stops prompts; their futures complete with false (interrupted, e.g. by a digit). */
    public void stopPlayback() {
        audio.stopPlayback();
    }

    /** Loops {@code prompt} whenever no prompt is playing, until {@link #stopMusic()}. */
    public void music(Prompt prompt) {
        audio.music(prompt);
    }

    public void stopMusic() {
        audio.stopMusic();
    }

    public boolean playsMusic() {
        return audio.playsMusic();
    }

    /** A muted leg is not heard by the other parties of its room (a listening team leader still hears it). */
    public void mute(boolean on) {
        muted = on;
    }

    public boolean isMuted() {
        return muted;
    }

    public void hold(Prompt music) {
        audio.hold(music);
    }

    public void retrieve() {
        audio.retrieve();
    }

    public boolean isHeld() {
        return audio.isHeld();
    }

    /** Points the leg at the address and codec the peer's SDP named; a new SDP allows a new latch. */
    public void connect(InetSocketAddress address, Codec codec, int dtmfPayloadType) {
        rtp.connect(address, codec, dtmfPayloadType);
    }

    /** From now on SRTP both ways: the peer's SDES key decrypts what arrives, ours encrypts what we send. */
    public void secure(SdesKey peers, SdesKey ours) {
        rtp.secure(peers, ours);
    }

    /** Whether this leg's media is SRTP. */
    public boolean isSecure() {
        return rtp.isSecure();
    }

    /** Packets dropped because they failed SRTP authentication or replayed (plain RTP on a secure leg included). */
    public long srtpDropped() {
        return rtp.srtpDropped();
    }

    public void startSending() {
        rtp.startSending();
    }

    /** Nanoseconds since the last RTP packet arrived (or since media started). */
    public long silentForNanos(long nowNanos) {
        return rtp.silentForNanos(nowNanos);
    }

    public void onDigit(Consumer<Character> listener) {
        audio.onDigit(listener);
    }

    public void detectSilence(int threshold, int millis, Runnable listener) {
        audio.detectSilence(threshold, millis, listener);
    }

    public void stopSilenceDetection() {
        audio.stopSilenceDetection();
    }

    public String id() {
        return id;
    }

    public int localPort() {
        return rtp.localPort();
    }

    public InetSocketAddress remote() {
        return rtp.remote();
    }

    public Codec codec() {
        return rtp.codec();
    }

    public long packetsIn() {
        return rtp.packetsIn();
    }

    public long packetsOut() {
        return rtp.packetsOut();
    }

    /** Packets that came back carrying our own SSRC: proof that the peer received what we sent. */
    public long echoesReceived() {
        return rtp.echoes.echoes();
    }

    /** Echoed packets whose payload equals what we sent with that sequence number. */
    public long intactEchoes() {
        return rtp.echoes.intact();
    }

    public long framesLost() {
        return rtp.jitter.lost() + rtp.jitter.late();
    }

    public Room room() {
        return room;
    }

    @Override
    public void close() {
        audio.stopPlayback();
        rtp.close();
    }
}
