package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that only returns the platform's own packets (sipp -rtp_echo, a loop-back test set) is never heard — our
 * SSRC goes to the echo check, not into the mix — but it is alive: the media watchdog must count it as RTP arriving.
 */
@Timeout(30)
class EchoLivenessTest {

    @Test
    void ourOwnPacketsComingBackAreNotHeardButKeepTheLegAlive() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (MediaLeg leg = new MediaLeg("echoed", new InetSocketAddress(loopback, 0));
             DatagramSocket peer = new DatagramSocket(0, loopback);
             Mixer mixer = Mixer.manual()) {
            peer.setSoTimeout(10_000);
            leg.connect(new InetSocketAddress(loopback, peer.getLocalPort()), Codec.PCMU, 101);
            leg.startSending();
            mixer.add(leg);
            mixer.tick();
            DatagramPacket ours = new DatagramPacket(new byte[2048], 2048);
            peer.receive(ours);

            long echoedAt = System.nanoTime();
            peer.send(new DatagramPacket(ours.getData(), ours.getLength(), new InetSocketAddress(loopback, leg.localPort())));
            await().atMost(Duration.ofSeconds(10)).until(() -> leg.echoesReceived() == 1);

            long now = System.nanoTime();
            assertThat(leg.silentForNanos(now)).as("RTP arrived when the echo did, not only when media started")
                    .isLessThanOrEqualTo(now - echoedAt);
            assertThat(leg.packetsIn()).as("an echo is not the peer speaking").isZero();
            assertThat(leg.intactEchoes()).isEqualTo(1);
        }
    }
}
