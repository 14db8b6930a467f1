package org.openhotline.quality.internal.machine.acoustic;

/** Both channels of a recording analysed: what the acoustic rules judge. */
public record AcousticAnalysis(long lengthMillis, ChannelAnalysis citizen, ChannelAnalysis agent) {

    public static AcousticAnalysis of(StereoRecording recording) {
        double[] citizen = ChannelAnalysis.frameDb(recording.citizen(), recording.sampleRate());
        double[] agent = ChannelAnalysis.frameDb(recording.agent(), recording.sampleRate());
        return new AcousticAnalysis(recording.lengthMillis(), ChannelAnalysis.of(citizen, agent),
                ChannelAnalysis.of(agent, citizen));
    }

    /** The agent's share of all speech in percent (NaN when nobody spoke). */
    public double agentSharePercent() {
        long a = agent.speechMillis(), c = citizen.speechMillis();
        return a + c == 0 ? Double.NaN : a * 100.0 / (a + c);
    }
}
