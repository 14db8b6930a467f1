package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real RTP over loopback through the clocked mixer: each test phone speaks its own tone, and we check by
 * frequency who hears whom in a bridge, on hold, in a three-way call, when monitored and when whispered to.
 */
@Timeout(30)
class MixerRoomsTest {
    static final double CALLER = 440, AGENT = 1000, SUPERVISOR = 1700;
    Mixer mixer;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() {
        mixer = Mixer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) c.close();
        mixer.close();
    }

    record Party(MediaLeg leg, RtpPeer phone) { }

    Party party(String name, double tone) throws IOException {
        MediaLeg leg = new MediaLeg(name, new InetSocketAddress("127.0.0.1", 0));
        RtpPeer phone = new RtpPeer(tone);
        open.add(leg);
        open.add(phone);
        leg.connect(phone.address(), Codec.PCMU, 101);
        leg.startSending();
        phone.sendTo(new InetSocketAddress("127.0.0.1", leg.localPort()));
        mixer.add(leg);
        return new Party(leg, phone);
    }

    /**
     * Lets what was said before the change drain from the jitter buffers (0.2 s of audio heard by everyone),
     * then collects half a second of fresh audio per party: judged by what arrived, not by the clock.
     */
    void listen(Party... parties) {
        heardByAll(parties, 1600);
        heardByAll(parties, 4000);
    }

    private static void heardByAll(Party[] parties, int samples) {
        for (Party p : parties) p.phone.forget();
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(parties).allMatch(p -> p.phone.heard().length >= samples));
    }

    static boolean hears(Party p, double hz) {
        return p.phone.level(hz) > 1000;
    }

    @Test
    void bridgedLegsHearEachOtherAndNotThemselves() throws Exception {
        Party caller = party("caller", CALLER), agent = party("agent", AGENT);
        Room room = new Room("r");
        room.join(caller.leg);
        room.join(agent.leg);
        listen(caller, agent);
        assertThat(hears(caller, AGENT)).isTrue();
        assertThat(hears(caller, CALLER)).isFalse();
        assertThat(hears(agent, CALLER)).isTrue();
        assertThat(hears(agent, AGENT)).isFalse();
    }

    @Test
    void heldCallerHearsMusicAndTheAgentHearsNothing() throws Exception {
        Party caller = party("caller", CALLER), agent = party("agent", AGENT);
        Room room = new Room("r");
        room.join(caller.leg);
        room.join(agent.leg);
        caller.leg.hold(Prompt.tone("music", 600, 1000, 6000));
        listen(caller, agent);
        assertThat(hears(caller, 600)).as("music on hold").isTrue();
        assertThat(hears(caller, AGENT)).isFalse();
        assertThat(hears(agent, CALLER)).isFalse();
        caller.leg.retrieve();
        listen(caller, agent);
        assertThat(hears(caller, AGENT)).isTrue();
        assertThat(hears(caller, 600)).isFalse();
    }

    @Test
    void threeWayCallMixesAllThree() throws Exception {
        Party a = party("a", CALLER), b = party("b", AGENT), c = party("c", SUPERVISOR);
        Room room = new Room("r");
        room.join(a.leg);
        room.join(b.leg);
        room.join(c.leg);
        listen(a, b, c);
        assertThat(hears(a, AGENT) && hears(a, SUPERVISOR)).isTrue();
        assertThat(hears(b, CALLER) && hears(b, SUPERVISOR)).isTrue();
        assertThat(hears(c, CALLER) && hears(c, AGENT)).isTrue();
    }

    @Test
    void monitorHearsBothAndIsHeardByNone() throws Exception {
        Party caller = party("caller", CALLER), agent = party("agent", AGENT), sup = party("sup", SUPERVISOR);
        Room room = new Room("r");
        room.join(caller.leg);
        room.join(agent.leg);
        room.join(sup.leg, Role.LISTENER, null);
        listen(caller, agent, sup);
        assertThat(hears(sup, CALLER) && hears(sup, AGENT)).isTrue();
        assertThat(hears(caller, SUPERVISOR)).isFalse();
        assertThat(hears(agent, SUPERVISOR)).isFalse();
        assertThat(hears(caller, AGENT)).isTrue();
    }

    @Test
    void whisperIsHeardByTheAgentOnly() throws Exception {
        Party caller = party("caller", CALLER), agent = party("agent", AGENT), sup = party("sup", SUPERVISOR);
        Room room = new Room("r");
        room.join(caller.leg);
        room.join(agent.leg);
        room.join(sup.leg, Role.WHISPERER, agent.leg);
        listen(caller, agent, sup);
        assertThat(hears(agent, SUPERVISOR)).isTrue();
        assertThat(hears(caller, SUPERVISOR)).isFalse();
        assertThat(hears(sup, CALLER) && hears(sup, AGENT)).isTrue();
    }

    @Test
    void promptIsPlayedToTheLegAndCompletes() throws Exception {
        Party caller = party("caller", 0);
        var done = caller.leg.play(Prompt.tone("beep", 800, 300, 6000));
        assertThat(done.get(2, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> hears(caller, 800));
    }

    @Test
    void rfc4733DigitsAreReportedOncePerPress() throws Exception {
        Party caller = party("caller", 0);
        List<Character> digits = new java.util.concurrent.CopyOnWriteArrayList<>();
        caller.leg.onDigit(digits::add);
        caller.phone.sendDigit('5');
        await().atMost(Duration.ofSeconds(5)).until(() -> digits.contains('5'));
        caller.phone.sendDigit('#');
        await().atMost(Duration.ofSeconds(5)).until(() -> digits.contains('#'));
        assertThat(digits).containsExactly('5', '#');
    }

    @Test
    void legLatchesOnTheAddressPacketsComeFrom() throws Exception {
        MediaLeg leg = new MediaLeg("nat", new InetSocketAddress("127.0.0.1", 0));
        RtpPeer phone = new RtpPeer(AGENT);
        open.add(leg);
        open.add(phone);
        // the SDP names a private address we cannot reach; the phone's packets show where it really is
        leg.connect(new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101);
        leg.startSending();
        mixer.add(leg);
        phone.sendTo(new InetSocketAddress("127.0.0.1", leg.localPort()));
        leg.play(Prompt.tone("t", 500, 2000, 6000));
        await().atMost(Duration.ofSeconds(5)).until(() -> phone.packetsIn() > 5);
        assertThat(leg.remote()).isEqualTo(phone.address());
    }
}
