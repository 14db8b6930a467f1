package org.openhotline.quality.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openhotline.quality.machine.CallSignal.Side.AGENT;
import static org.openhotline.quality.machine.CallSignal.Side.CITIZEN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.quality.internal.machine.acoustic.AcousticAnalysis;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;
import org.openhotline.quality.internal.machine.rules.AcousticRules;
import org.openhotline.quality.internal.machine.rules.Finding;

/** Each acoustic rule on a generated call whose answer is known from how it was built. */
class AcousticRulesTest {

    private static List<Finding> flags(CallSignal call, String rule) {
        return AcousticRules.evaluate(AcousticAnalysis.of(call.recording()), DefaultRules.all()).stream()
                .filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void deadAirIsBothSidesSilentLongerThanTheThreshold() {
        CallSignal call = new CallSignal(40).hiss(30)
                .speech(AGENT, 0, 5).speech(CITIZEN, 5.5, 10)
                .speech(AGENT, 15, 20) // a 5 s pause: not dead air
                .speech(CITIZEN, 32, 38); // 12 s silence from 20 s
        List<Finding> dead = flags(call, "DEAD_AIR");
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().startMs()).isCloseTo(20_000, within(400L));
        assertThat(dead.getFirst().endMs()).isCloseTo(32_000, within(400L));
    }

    @Test
    void talkOverSaysWhoInterruptedWhom() {
        CallSignal call = new CallSignal(30)
                .speech(AGENT, 0, 6).speech(CITIZEN, 3.5, 9) // the citizen breaks in for 2.5 s
                .speech(AGENT, 10, 12).speech(CITIZEN, 11.7, 12.2) // a short "嗯" is no talk-over
                .speech(CITIZEN, 14, 20).speech(AGENT, 17, 24); // the agent breaks in for 3 s
        List<Finding> over = flags(call, "TALK_OVER");
        assertThat(over).hasSize(2);
        assertThat(over.get(0).detail()).startsWith("市民打断坐席");
        assertThat(over.get(0).startMs()).isCloseTo(3_500, within(300L));
        assertThat(over.get(0).endMs() - over.get(0).startMs()).isCloseTo(2_500, within(400L));
        assertThat(over.get(1).detail()).startsWith("坐席打断市民");
        assertThat(over.get(1).startMs()).isCloseTo(17_000, within(300L));
    }

    @Test
    void agentShareCountsSpeechOfBothChannels() {
        CallSignal talkative = new CallSignal(40).speech(AGENT, 0, 24).speech(CITIZEN, 25, 31);
        AcousticAnalysis a = AcousticAnalysis.of(talkative.recording());
        assertThat(a.agentSharePercent()).isCloseTo(80, within(3.0));
        assertThat(flags(talkative, "AGENT_SHARE")).hasSize(1);

        CallSignal balanced = new CallSignal(40).speech(AGENT, 0, 15).speech(CITIZEN, 16, 31);
        assertThat(flags(balanced, "AGENT_SHARE")).isEmpty();
    }

    @Test
    void speechRateCountsSyllableNuclei() {
        CallSignal calm = new CallSignal(30).speech(AGENT, 0, 20, 4, 4000);
        CallSignal fast = new CallSignal(30).speech(AGENT, 0, 20, 8, 4000);
        assertThat(AcousticAnalysis.of(calm.recording()).agent().syllablesPerSecond()).isCloseTo(4, within(0.6));
        assertThat(AcousticAnalysis.of(fast.recording()).agent().syllablesPerSecond()).isCloseTo(8, within(1.0));
        assertThat(flags(calm, "SPEECH_RATE")).isEmpty();
        assertThat(flags(fast, "SPEECH_RATE")).hasSize(1);
    }

    @Test
    void shoutingIsSpeechMuchLouderThanTheSpeakersUsualVoice() {
        CallSignal call = new CallSignal(45).hiss(40)
                .speech(AGENT, 0, 8, 4, 3000)
                .speech(CITIZEN, 9, 25, 4, 2000)
                .speech(CITIZEN, 25, 28, 4, 12000) // +15.6 dB for 3 s
                .speech(CITIZEN, 28, 40, 4, 2000)
                .speech(AGENT, 40, 44, 4, 5000); // the agent a little louder (+4.4 dB): no shout
        List<Finding> loud = flags(call, "SHOUTING");
        assertThat(loud).hasSize(1);
        assertThat(loud.getFirst().detail()).startsWith("市民");
        assertThat(loud.getFirst().startMs()).isCloseTo(25_000, within(500L));
        assertThat(loud.getFirst().endMs()).isCloseTo(28_000, within(500L));
    }

    @Test
    void aLongAgentSilenceIsAHoldAndNotDeadAir() {
        CallSignal call = new CallSignal(90).hiss(20)
                .speech(AGENT, 0, 6).speech(CITIZEN, 7, 12)
                .speech(AGENT, 12.5, 15) // "请稍等" - then 55 s on hold
                .speech(CITIZEN, 40, 41) // "喂？" during the hold
                .speech(AGENT, 70, 80).speech(CITIZEN, 81, 86);
        List<Finding> hold = flags(call, "LONG_SILENCE_HOLD");
        assertThat(hold).hasSize(1);
        assertThat(hold.getFirst().startMs()).isCloseTo(15_000, within(500L));
        assertThat(hold.getFirst().endMs()).isCloseTo(70_000, within(500L));
        assertThat(flags(call, "DEAD_AIR")).isEmpty();
    }

    @Test
    void theAgentsEchoOnTheCitizensLineIsNotTheCitizenTalking() {
        CallSignal call = new CallSignal(40).hiss(10)
                .speech(AGENT, 0, 12, 4, 6000).speech(CITIZEN, 13, 20, 4, 2000)
                .speech(AGENT, 21, 30, 4, 6000).speech(CITIZEN, 27, 33, 4, 2000) // a real interruption of 3 s
                .echo(22, 0.12);
        AcousticAnalysis a = AcousticAnalysis.of(call.recording());
        assertThat(a.citizen().speech()).hasSize(2);
        assertThat(a.citizen().speech().getFirst().start()).isCloseTo(13_000, within(300L));
        List<Finding> over = flags(call, "TALK_OVER");
        assertThat(over).hasSize(1);
        assertThat(over.getFirst().startMs()).isCloseTo(27_000, within(400L));
        assertThat(flags(call, "SHOUTING")).isEmpty();
    }

    @Test
    void speechIsFoundOverHissAndTheRecordingReadsAsTheCallCenterWritesIt() throws Exception {
        CallSignal call = new CallSignal(20).hiss(150).speech(AGENT, 2, 7).speech(CITIZEN, 10, 16);
        StereoRecording read = StereoRecording.parse(call.recording().toWav());
        AcousticAnalysis a = AcousticAnalysis.of(read);
        assertThat(a.lengthMillis()).isEqualTo(20_000);
        assertThat(a.agent().speech()).hasSize(1);
        assertThat(a.agent().speech().getFirst().start()).isCloseTo(2_000, within(300L));
        assertThat(a.citizen().speech()).hasSize(1);
        assertThat(a.citizen().speechMillis()).isCloseTo(6_000, within(600L));
    }
}
