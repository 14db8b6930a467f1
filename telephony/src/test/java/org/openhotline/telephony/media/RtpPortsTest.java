package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * The RTP range is shared with whatever else runs on the machine (another platform, another build's tests): a port
 * another process holds is skipped, never fatal, so the range needs no reservation.
 */
class RtpPortsTest {

    @Test
    void aPortAnotherProcessHoldsIsSkipped() throws IOException {
        try (DatagramSocket other = evenPortHeldByAnother()) {
            int held = other.getLocalPort();
            RtpPorts ports = new RtpPorts("127.0.0.1", held, held + 2);
            MediaLeg leg = ports.open("leg-1");
            try {
                assertThat(leg.localPort()).isEqualTo(held + 2);
            } finally {
                leg.close();
            }
        }
    }

    @Test
    void aRangeWhollyTakenSaysSo() throws IOException {
        try (DatagramSocket other = evenPortHeldByAnother()) {
            int held = other.getLocalPort();
            assertThatThrownBy(() -> new RtpPorts("127.0.0.1", held, held).open("leg-2"))
                    .isInstanceOf(IOException.class).hasMessageContaining(held + "-" + held);
        }
    }

    private static DatagramSocket evenPortHeldByAnother() throws IOException {
        for (int i = 0; i < 100; i++) {
            DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            if (s.getLocalPort() % 2 == 0 && s.getLocalPort() < 65530) {
                return s;
            }
            s.close();
        }
        throw new IllegalStateException("no even ephemeral port");
    }
}
