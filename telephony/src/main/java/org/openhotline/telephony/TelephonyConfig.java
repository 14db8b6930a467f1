package org.openhotline.telephony;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the engine listens and what it trusts. {@code bindAddress} is the interface SIP and RTP bind to;
 * {@code advertisedAddress} is what goes into Contact, Via and SDP (the public address behind NAT).
 * SIP listens on {@code sipPort} over UDP and TCP (5060 by default). An answered leg that sends no RTP
 * for {@code mediaTimeout} is hung up (a phone that lost power sends no BYE); zero disables that. Outbound
 * trunks are probed with OPTIONS every {@code trunkProbeSeconds}.
 */
public record TelephonyConfig(String bindAddress, String advertisedAddress, int sipPort, int rtpPortMin,
                              int rtpPortMax, String realm, List<Trunk> trunks, Path recordingDirectory,
                              Path promptDirectory, int maxCalls, Duration ringTimeout, int maxRegisterExpires,
                              Duration mediaTimeout, int trunkProbeSeconds) {

    public static TelephonyConfig defaults(Path recordingDirectory) {
        return new TelephonyConfig("0.0.0.0", "127.0.0.1", 5060, 20000, 29999, "openhotline", List.of(),
                recordingDirectory, null, 1024, Duration.ofSeconds(30), 3600, Duration.ofSeconds(60), 30);
    }

    public TelephonyConfig withSipPort(int port) {
        return new TelephonyConfig(bindAddress, advertisedAddress, port, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, promptDirectory, maxCalls, ringTimeout, maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withAddresses(String bind, String advertised) {
        return new TelephonyConfig(bind, advertised, sipPort, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, promptDirectory, maxCalls, ringTimeout, maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withTrunks(List<Trunk> newTrunks) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, rtpPortMin, rtpPortMax, realm,
                List.copyOf(newTrunks), recordingDirectory, promptDirectory, maxCalls, ringTimeout,
                maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withRtpPorts(int min, int max) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, min, max, realm, trunks,
                recordingDirectory, promptDirectory, maxCalls, ringTimeout, maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withLimits(int calls, Duration ring) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, promptDirectory, calls, ring, maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withMediaTimeout(Duration timeout) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, promptDirectory, maxCalls, ringTimeout, maxRegisterExpires, timeout, trunkProbeSeconds);
    }

    public TelephonyConfig withPromptDirectory(Path directory) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, directory, maxCalls, ringTimeout, maxRegisterExpires, mediaTimeout, trunkProbeSeconds);
    }

    public TelephonyConfig withTrunkProbeSeconds(int seconds) {
        return new TelephonyConfig(bindAddress, advertisedAddress, sipPort, rtpPortMin, rtpPortMax, realm, trunks,
                recordingDirectory, promptDirectory, maxCalls, ringTimeout, maxRegisterExpires, mediaTimeout, seconds);
    }
}
