package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.SrtpPolicy;

/** SRTP against the test vectors of RFC 3711 Appendix B, then round trips, tampering, replay and the SDES line. */
class SrtpTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void keyDerivationMatchesRfc3711AppendixB3() {
        SdesKey master = new SdesKey(1, HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));
        byte[][] session = SrtpContext.sessionKeys(master);
        assertThat(HEX.formatHex(session[0])).as("cipher key").isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(HEX.formatHex(session[1])).as("cipher salt").isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(HEX.formatHex(session[2])).as("auth key")
                .isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
    }

    @Test
    void payloadEncryptionIsTheAesCounterModeKeystreamOfAppendixB2() {
        // session key and salt of B.2; SSRC 0, sequence 0, rollover 0: the IV is the salt shifted by 16 bits
        SrtpContext ctx = new SrtpContext(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"),
                HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        byte[] packet = new byte[12 + 48 + SrtpContext.TAG_LENGTH];
        packet[0] = (byte) 0x80;
        ctx.protect(packet, 12 + 48);
        assertThat(HEX.formatHex(Arrays.copyOfRange(packet, 12, 60))).isEqualToIgnoringCase(
                "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0");
    }

    @Test
    void whatOneSideProtectsTheOtherUnprotectsAndAnyChangeOrReplayIsDropped() {
        SdesKey key = SdesKey.random(1);
        SrtpContext sender = new SrtpContext(key);
        SrtpContext receiver = new SrtpContext(key);
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0x55);
        for (int seq = 65530; seq < 65530 + 12; seq++) { // crosses a rollover
            byte[] buf = rtp(seq & 0xFFFF, payload);
            int n = sender.protect(buf, 172);
            assertThat(n).isEqualTo(182);
            assertThat(Arrays.copyOfRange(buf, 12, 172)).as("payload is encrypted").isNotEqualTo(payload);
            byte[] replay = buf.clone();
            assertThat(receiver.unprotect(buf, n)).isEqualTo(172);
            assertThat(Arrays.copyOfRange(buf, 12, 172)).isEqualTo(payload);
            assertThat(receiver.unprotect(replay, n)).as("replayed").isEqualTo(-1);
        }
        byte[] forged = rtp(9, payload);
        int n = sender.protect(forged, 172);
        forged[40] ^= 1;
        assertThat(receiver.unprotect(forged, n)).as("altered payload").isEqualTo(-1);
        byte[] plain = rtp(10, payload);
        assertThat(receiver.unprotect(plain, 172)).as("plain RTP where SRTP was agreed").isEqualTo(-1);
        byte[] otherKey = rtp(11, payload);
        int m = new SrtpContext(SdesKey.random(1)).protect(otherKey, 172);
        assertThat(receiver.unprotect(otherKey, m)).as("another key").isEqualTo(-1);
    }

    @Test
    void sdesAttributeRoundTripsAndOtherSuitesOrMkisAreNotUsed() {
        SdesKey key = SdesKey.random(7);
        SdesKey back = SdesKey.parse(key.attribute());
        assertThat(back.tag()).isEqualTo(7);
        assertThat(back.key()).isEqualTo(key.key());
        assertThat(back.salt()).isEqualTo(key.salt());
        assertThat(SdesKey.parse(key.attribute() + "|2^20")).isNotNull();
        assertThat(SdesKey.parse(key.attribute() + "|2^20|1:4")).as("MKI").isNull();
        assertThat(SdesKey.parse(key.attribute().replace("_80", "_32"))).isNull();
        assertThat(SdesKey.parse("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=")).isNull();
        assertThat(key.toString()).doesNotContain(key.attribute().substring(key.attribute().indexOf(':') + 1));
    }

    @Test
    void sdpCarriesTheKeyAndTheProfile() {
        String offer = "v=0\r\no=- 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/SAVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
                + "a=crypto:3 " + SdesKey.random(0).attribute().substring(2) + "\r\na=sendrecv\r\n";
        Sdp sdp = Sdp.parse(offer);
        assertThat(sdp.savp()).isTrue();
        assertThat(sdp.crypto()).isNotNull();
        assertThat(sdp.crypto().tag()).as("the suite we speak, under its tag").isEqualTo(3);
        SdesKey ours = SdesKey.random(3);
        Sdp answer = Sdp.parse(Sdp.answer("192.0.2.1", 20000, Codec.PCMU, 101, "sendrecv", ours, true));
        assertThat(answer.savp()).isTrue();
        assertThat(answer.crypto().key()).isEqualTo(ours.key());
        Sdp plain = Sdp.parse(Sdp.answer("192.0.2.1", 20000, Codec.PCMU, 101, "sendrecv"));
        assertThat(plain.savp()).isFalse();
        assertThat(plain.crypto()).isNull();
    }

    @Test
    void policyRefusesPlainRtpWhenRequiredAndKeysOutsideTls() {
        assertThat(SrtpPolicy.REQUIRED.decide(true, true, true)).isEqualTo(SrtpPolicy.Outcome.SRTP);
        assertThat(SrtpPolicy.REQUIRED.decide(false, false, true)).isEqualTo(SrtpPolicy.Outcome.REFUSE);
        assertThat(SrtpPolicy.REQUIRED.decide(true, true, false)).as("key over UDP is public").isEqualTo(SrtpPolicy.Outcome.REFUSE);
        assertThat(SrtpPolicy.OPTIONAL.decide(true, false, true)).isEqualTo(SrtpPolicy.Outcome.SRTP);
        assertThat(SrtpPolicy.OPTIONAL.decide(false, false, false)).isEqualTo(SrtpPolicy.Outcome.PLAIN);
        assertThat(SrtpPolicy.OPTIONAL.decide(true, true, false)).isEqualTo(SrtpPolicy.Outcome.REFUSE);
        assertThat(SrtpPolicy.OFF.decide(true, false, true)).isEqualTo(SrtpPolicy.Outcome.PLAIN);
        assertThat(SrtpPolicy.OFF.decide(true, true, true)).isEqualTo(SrtpPolicy.Outcome.REFUSE);
    }

    private static byte[] rtp(int seq, byte[] payload) {
        byte[] b = new byte[12 + payload.length + SrtpContext.TAG_LENGTH];
        b[0] = (byte) 0x80;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[8] = 0x12;
        b[11] = 0x34;
        System.arraycopy(payload, 0, b, 12, payload.length);
        return b;
    }
}
