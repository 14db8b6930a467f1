package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;

/**
 * The call center's commands through SIP with phones whose audio we can judge: the citizen speaks 440 Hz,
 * the agent 1000 Hz, the team leader 1700 Hz. Who hears which tone tells whether hold, monitor, whisper,
 * barge-in, three-way calls and transfer do what a user expects.
 */
@Timeout(60)
class SupervisorCommandsTest {
    static final double CITIZEN = 440, AGENT = 1000, LEADER = 1700;
    @TempDir
    Path dir;
    RecordedEvents events = new RecordedEvents();
    TelephonyEngine engine;
    TestPhone citizen, agent, leader;
    LegId citizenLeg, agentLeg;

    @BeforeEach
    void callInProgress() throws Exception {
        engine = EngineFixture.builder(dir, e -> {
            events.on(e);
            if (e instanceof CallArrived a && a.to().equals("12300")) engine.answer(a.leg());
        }).start();
        citizen = new TestPhone("13800138000", CITIZEN, engine.sipPort());
        agent = new TestPhone("1001", AGENT, engine.sipPort());
        leader = new TestPhone("1002", LEADER, engine.sipPort());
        agent.register(EngineFixture.PASSWORD);
        leader.register("pw-1002");
        citizen.dial("12300");
        citizenLeg = events.awaitEvent(CallArrived.class, Duration.ofSeconds(5)).leg();
        agentLeg = call("1001");
        engine.bridge(citizenLeg, agentLeg);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        for (TestPhone p : new TestPhone[] {citizen, agent, leader}) if (p != null) p.close();
    }

    LegId call(String extension) throws Exception {
        LegId leg = engine.originate(extension, "12345", true);
        engine.answered(leg).get(5, TimeUnit.SECONDS);
        return leg;
    }

    /**
     * Drains audio from before the change (0.25 s), then collects half a second of fresh audio, measured by the
     * phone that received most (every phone still on a call receives at the same pace; one hung up receives none).
     */
    void listen() {
        heard(2000);
        heard(4000);
    }

    private void heard(int samples) {
        for (TestPhone p : new TestPhone[] {citizen, agent, leader}) p.audio.forget();
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(new TestPhone[] {citizen, agent, leader})
                .anyMatch(p -> p.audio.heard().length >= samples));
    }

    static boolean hears(TestPhone p, double hz) {
        return p.audio.level(hz) > 1000;
    }

    @Test
    void bridgedCitizenAndAgentHearEachOtherAndTheAgentIsNotBeepedWithDigits() throws Exception {
        listen();
        assertThat(hears(citizen, AGENT)).isTrue();
        assertThat(hears(agent, CITIZEN)).isTrue();
        citizen.audio.sendDigit('9');
        events.await(DtmfReceived.class, d -> d.leg().equals(citizenLeg) && d.digit() == '9', Duration.ofSeconds(2));
        agent.audio.forget();
        // a relayed digit would reach the agent within the next 0.3 s of audio
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.audio.heard().length >= 2400);
        assertThat(agent.audio.digits).isEmpty();
    }

    @Test
    void holdPlaysMusicToTheCitizenAndMutesBothWays() throws Exception {
        engine.hold(citizenLeg);
        listen();
        double music = citizen.audio.level(523) + citizen.audio.level(659) + citizen.audio.level(784);
        assertThat(music).as("music on hold").isGreaterThan(300);
        assertThat(hears(citizen, AGENT)).isFalse();
        assertThat(hears(agent, CITIZEN)).isFalse();
        engine.unhold(citizenLeg);
        listen();
        assertThat(hears(citizen, AGENT)).isTrue();
        events.awaitEvent(Retrieved.class, Duration.ofSeconds(1));
    }

    @Test
    void monitorHearsBothAndNobodyHearsTheLeader() throws Exception {
        engine.monitor(call("1002"), agentLeg);
        listen();
        assertThat(hears(leader, CITIZEN) && hears(leader, AGENT)).isTrue();
        assertThat(hears(citizen, LEADER)).isFalse();
        assertThat(hears(agent, LEADER)).isFalse();
    }

    @Test
    void whisperIsHeardByTheAgentOnlyAndBargeInByBoth() throws Exception {
        LegId leaderLeg = call("1002");
        engine.whisper(leaderLeg, agentLeg);
        listen();
        assertThat(hears(agent, LEADER)).isTrue();
        assertThat(hears(citizen, LEADER)).isFalse();
        assertThat(hears(leader, CITIZEN)).isTrue();
        engine.barge(leaderLeg, agentLeg);
        listen();
        assertThat(hears(agent, LEADER) && hears(citizen, LEADER)).isTrue();
    }

    @Test
    void threeWayCallMixesAllThree() throws Exception {
        engine.conference(citizenLeg, agentLeg, call("1002"));
        listen();
        assertThat(hears(citizen, AGENT) && hears(citizen, LEADER)).isTrue();
        assertThat(hears(agent, CITIZEN) && hears(agent, LEADER)).isTrue();
        assertThat(hears(leader, CITIZEN) && hears(leader, AGENT)).isTrue();
    }

    @Test
    void transferReleasesTheAgentAndConnectsTheCitizenToTheTarget() throws Exception {
        LegId target = engine.transfer(citizenLeg, "1002");
        assertThat(agent.awaitBye(3000)).as("agent released").isTrue();
        events.await(Bridged.class, b -> b.leg().equals(citizenLeg) && b.other().equals(target), Duration.ofSeconds(5));
        listen();
        assertThat(hears(citizen, LEADER)).isTrue();
        assertThat(hears(leader, CITIZEN)).isTrue();
    }

    @Test
    void consultThenCompleteTheTransfer() throws Exception {
        // the agent puts the citizen on hold and consults a colleague (1002) privately
        engine.hold(citizenLeg);
        LegId colleague = call("1002");
        engine.bridge(agentLeg, colleague);
        listen();
        assertThat(hears(agent, LEADER) && hears(leader, AGENT)).isTrue();
        assertThat(hears(citizen, LEADER) || hears(citizen, AGENT)).as("citizen hears only music").isFalse();
        assertThat(hears(leader, CITIZEN)).isFalse();
        // then hands the citizen over and leaves
        engine.unhold(citizenLeg);
        engine.hangup(agentLeg);
        assertThat(agent.awaitBye(3000)).isTrue();
        listen();
        assertThat(hears(citizen, LEADER) && hears(leader, CITIZEN)).isTrue();
    }

    @Test
    void whenTheCitizenHangsUpTheAgentIsReleased() throws Exception {
        engine.hangup(citizenLeg);
        assertThat(agent.awaitBye(3000)).isTrue();
        var released = events.await(Ended.class, e -> e.leg().equals(agentLeg), Duration.ofSeconds(3));
        var hungUp = events.await(Ended.class, e -> e.leg().equals(citizenLeg), Duration.ofSeconds(3));
        // the call center learns who hung up first: that leg's end comes before the end it caused
        assertThat(events.events().indexOf(hungUp.event())).isLessThan(events.events().indexOf(released.event()));
    }

    @Test
    void aKeptCitizenStaysWhenTheAgentHangsUpAndHearsWhatComesNext() throws Exception {
        engine.keepWhenAlone(citizenLeg, true);
        engine.hangup(agentLeg);
        var agentEnded = events.await(Ended.class, e -> e.leg().equals(agentLeg), Duration.ofSeconds(3));
        var alone = events.await(LeftAlone.class, e -> e.leg().equals(citizenLeg), Duration.ofSeconds(3));
        assertThat(alone.nanos()).isGreaterThanOrEqualTo(agentEnded.nanos());
        assertThat(engine.activeLegs()).contains(citizenLeg).doesNotContain(agentLeg);
        // what the call center plays next (the survey) reaches the citizen: here the hold music's notes
        engine.playMusic(citizenLeg, "hold-music");
        listen();
        assertThat(hears(citizen, 523) || hears(citizen, 659) || hears(citizen, 784)).isTrue();
        engine.hangup(citizenLeg);
        assertThat(citizen.awaitBye(3000)).isTrue();
    }

    @Test
    void aMutedAgentIsNotHeardByTheCitizenButByAListeningLeader() throws Exception {
        LegId leaderLeg = call("1002");
        engine.monitor(leaderLeg, agentLeg);
        engine.mute(agentLeg, true);
        listen();
        assertThat(hears(citizen, AGENT)).as("citizen hears the muted agent").isFalse();
        assertThat(hears(agent, CITIZEN)).isTrue();
        assertThat(hears(leader, AGENT)).as("listening leader hears the muted agent").isTrue();
        engine.mute(agentLeg, false);
        listen();
        assertThat(hears(citizen, AGENT)).isTrue();
    }
}
