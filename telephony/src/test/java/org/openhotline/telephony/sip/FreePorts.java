package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for engines and peers, so parallel builds on one machine do not collide. Every range lies
 * below Linux's ephemeral ports (32768–60999): a port found free here could otherwise be taken by any outgoing
 * connection (a JDBC or HTTP client) before the peer binds it, which once failed a context start with "Address
 * already in use". Peers' SIP 20000–24999, peers' media 10000–19999; platforms under test take 25000–32699
 * ({@code TestPorts}).
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port free for both UDP and TCP (SIP listens on both). */
    public static int sip() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 25000);
            if (free(port)) return port;
        }
        throw new IllegalStateException("no free port");
    }

    /** An even port with port+1..port+3 free too (sipp's media and echo sockets). */
    public static int media() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(10000, 19996) & ~1;
            if (free(port) && free(port + 1) && free(port + 2) && free(port + 3)) return port;
        }
        throw new IllegalStateException("no free media port");
    }

    static boolean free(int port) {
        try (DatagramSocket u = new DatagramSocket(port, InetAddress.getLoopbackAddress());
             ServerSocket t = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
