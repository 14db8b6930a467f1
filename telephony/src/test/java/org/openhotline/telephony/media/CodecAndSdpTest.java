package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodecAndSdpTest {
    @Test
    void g711RoundTripKeepsTheSignalWithinCompandingError() {
        for (Codec c : Codec.values()) {
            short[] in = Prompt.tone("t", 1000, 20, 8000).samples();
            byte[] enc = new byte[in.length];
            short[] out = new short[in.length];
            G711.encode(c, in, enc);
            G711.decode(c, enc, 0, enc.length, out);
            for (int i = 0; i < in.length; i++) {
                assertThat(Math.abs(in[i] - out[i])).as(c + " sample " + i).isLessThanOrEqualTo(Math.abs(in[i]) / 16 + 16);
            }
        }
    }

    @Test
    void silenceEncodesToTheCodecsIdleByte() {
        byte[] enc = new byte[1];
        G711.encode(Codec.PCMU, new short[1], enc);
        assertThat(enc[0] & 0xFF).isEqualTo(0xFF);
        G711.encode(Codec.PCMA, new short[1], enc);
        assertThat(enc[0] & 0xFF).isEqualTo(0xD5);
    }

    @Test
    void parsesAPhoneOfferAndPicksTheFirstCodecWeSpeak() {
        Sdp sdp = Sdp.parse("v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 18 8 0 96\r\na=rtpmap:96 telephone-event/8000\r\na=sendonly\r\n");
        assertThat(sdp.address()).isEqualTo("10.0.0.5");
        assertThat(sdp.port()).isEqualTo(4000);
        assertThat(sdp.preferredCodec()).isEqualTo(Codec.PCMA);
        assertThat(sdp.telephoneEvent()).isEqualTo(96);
        assertThat(sdp.holds()).isTrue();
        assertThat(Sdp.answerDirection(sdp.direction())).isEqualTo("recvonly");
    }

    @Test
    void answerCarriesOneCodecAndTheOfferedEventType() {
        Sdp answer = Sdp.parse(Sdp.answer("192.0.2.1", 20000, Codec.PCMA, 96, "sendrecv"));
        assertThat(answer.payloadTypes()).containsExactly(8, 96);
        assertThat(answer.telephoneEvent()).isEqualTo(96);
        assertThat(answer.holds()).isFalse();
    }

    @Test
    void offerWithoutAudioIsRefused() {
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nm=video 3000 RTP/AVP 31\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silenceDetectorFiresOnceAfterTheQuietPeriod() {
        SilenceDetector d = new SilenceDetector(200, 100);
        short[] loud = Prompt.tone("t", 500, 20, 5000).samples();
        short[] quiet = new short[160];
        assertThat(d.update(loud, true)).isFalse();
        int fired = 0;
        for (int i = 0; i < 10; i++) if (d.update(quiet, true)) fired++;
        assertThat(fired).isEqualTo(1);
    }
}
