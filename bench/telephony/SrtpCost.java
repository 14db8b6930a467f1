import org.openhotline.telephony.media.Codec;
import org.openhotline.telephony.media.G711;
import org.openhotline.telephony.media.SdesKey;
import org.openhotline.telephony.media.SrtpContext;

/**
 * What SRTP adds per 20 ms packet (docs/adr/060-sip-tls-and-srtp.md): protect (AES-CTR + HMAC-SHA1-80) and
 * unprotect (check + decrypt) of a 172-byte G.711 RTP packet, against the G.711 encoding of the same frame the mixer
 * does anyway (the baseline, same run). bench/telephony/srtp-cost.sh
 */
public final class SrtpCost {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        SdesKey key = SdesKey.random(1);
        SrtpContext out = new SrtpContext(key);
        SrtpContext in = new SrtpContext(key);
        short[] pcm = new short[Codec.FRAME_SAMPLES];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (6000 * Math.sin(i / 3.0));
        byte[] payload = new byte[Codec.FRAME_SAMPLES];
        byte[] packet = new byte[12 + Codec.FRAME_SAMPLES + SrtpContext.TAG_LENGTH];
        long sink = 0;
        int seq = 0; // continues across rounds: a repeated sequence number is a replay and is dropped
        for (int round = 0; round < 3; round++) { // the last round counts; the first two warm the JIT
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                G711.encode(Codec.PCMA, pcm, payload);
                sink += payload[i % payload.length];
            }
            long t1 = System.nanoTime();
            long protect = 0, unprotect = 0;
            for (int i = 0; i < n; i++) {
                packet[0] = (byte) 0x80;
                packet[1] = 8;
                packet[2] = (byte) (seq >>> 8);
                packet[3] = (byte) seq;
                seq = (seq + 1) & 0xFFFF;
                System.arraycopy(payload, 0, packet, 12, payload.length);
                long a = System.nanoTime();
                int len = out.protect(packet, 12 + payload.length);
                long b = System.nanoTime();
                int back = in.unprotect(packet, len);
                long c = System.nanoTime();
                if (back < 0) throw new IllegalStateException("packet " + i + " failed");
                protect += b - a;
                unprotect += c - b;
            }
            if (round == 2) {
                System.out.printf("packets %d (172-byte PCMA RTP, AES_CM_128_HMAC_SHA1_80)%n", n);
                System.out.printf("baseline G.711 encode of the frame: %6.2f us/packet%n", (t1 - t0) / 1e3 / n);
                System.out.printf("SRTP protect:                       %6.2f us/packet%n", protect / 1e3 / n);
                System.out.printf("SRTP unprotect:                     %6.2f us/packet%n", unprotect / 1e3 / n);
                double perLeg = (protect + unprotect) / 1e3 / n * 50; // 50 packets/s each way
                System.out.printf("per SRTP leg: %.0f us of CPU per second (%.3f %% of a core); sink %d%n", perLeg,
                        perLeg / 1e4, sink);
            }
        }
    }
}
