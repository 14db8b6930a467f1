package org.openhotline.callcenter.internal.engine;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.calls.CallFlow;
import org.openhotline.callcenter.internal.calls.PhoneBarActions;
import org.openhotline.callcenter.internal.ivr.CallerListsFromDatabase;
import org.openhotline.callcenter.internal.ivr.IvrFlows;
import org.openhotline.callcenter.internal.ivr.WorkingHours;
import org.openhotline.callcenter.internal.recordings.LeftoverRecordings;
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.SrtpPolicy;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyListener;
import org.openhotline.telephony.Trunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the telephony engine with the platform (SIP on {@code hotline.sip.port}, UDP and TCP) and stops it
 * last-in-first-out. Extensions authenticate with the SIP password of their agent; IVR flows, blacklist and
 * priority lists come from the database. The engine's events go to the call flow and then the phone bar's actions,
 * in order on the engine's event thread; the running engine is handed to the {@link Switchboard}.
 */
@Component
public class TelephonyRuntime implements SmartLifecycle {

    public static final String QUEUE_TIMEOUT_FLOW = "queue-timeout";
    static final String DEMO_TRUNK = "demo-loopback";

    private static final Logger log = LoggerFactory.getLogger(TelephonyRuntime.class);

    private final TelephonyProperties properties;
    private final Path dataDir;
    private final CallFlow flow;
    private final PhoneBarActions actions;
    private final Switchboard switchboard;
    private final IvrFlows flows;
    private final CallerListsFromDatabase callerLists;
    private final AgentRoster roster;
    private final java.time.Clock clock;
    private final WorkingHours workingHours;
    private final boolean demo;
    private final org.openhotline.shared.cluster.SingletonLease lease;
    private final int trunkProbeSeconds;
    private final PhoneRegistrationsOnRecord registrations;

    TelephonyRuntime(TelephonyProperties properties, @Value("${hotline.data-dir}") Path dataDir, CallFlow flow,
                     PhoneBarActions actions, Switchboard switchboard, IvrFlows flows, CallerListsFromDatabase callerLists, AgentRoster roster, java.time.Clock clock,
                     WorkingHours workingHours, @Value("${hotline.demo.enabled:false}") boolean demo,
                     org.openhotline.shared.cluster.SingletonLease lease,
                     @Value("${hotline.sip.trunk-probe-seconds:30}") int trunkProbeSeconds,
                     PhoneRegistrationsOnRecord registrations) {
        this.registrations = registrations;
        this.lease = lease;
        this.trunkProbeSeconds = trunkProbeSeconds;
        this.workingHours = workingHours;
        this.demo = demo;
        this.properties = properties;
        this.dataDir = dataDir;
        this.flow = flow;
        this.actions = actions;
        this.switchboard = switchboard;
        this.flows = flows;
        this.callerLists = callerLists;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Telephony is off (HOTLINE_SIP_ENABLED=false)");
            return;
        }
        try {
            flows.seedShippedFlows(properties.hotlineNumber());
            flows.seedQueueTimeoutFlow(QUEUE_TIMEOUT_FLOW);
            flows.seedSurveyFlow();
            Path recordings = dataDir.toAbsolutePath().resolve("recordings");
            java.nio.file.Files.createDirectories(recordings);
            LeftoverRecordings.sealInBackground(recordings);
            List<Trunk> trunks = properties.trunks().stream().map(TelephonyRuntime::trunk).toList();
            if (demo && trunks.stream().noneMatch(t -> t.accepts(properties.hotlineNumber()))) {
                trunks = new java.util.ArrayList<>(trunks);
                trunks.add(demoTrunk(properties.hotlineNumber()));
                log.info("Demo trunk: calls to {} from 127.0.0.1 are accepted (demo data on, no trunk configured for {})",
                        properties.hotlineNumber(), properties.hotlineNumber());
            }
            TelephonyConfig config = TelephonyConfig.defaults(recordings)
                    .withSipPort(properties.port())
                    .withAddresses(properties.bindAddress(), properties.advertisedAddress())
                    .withRtpPorts(properties.rtpMin(), properties.rtpMax())
                    .withTrunks(trunks)
                    // how soon the operations console's trunk alarm can know a carrier stopped answering
                    .withTrunkProbeSeconds(trunkProbeSeconds);
            TelephonyListener listener = event -> {
                flow.on(event);
                actions.on(event);
            };
            SipSecurity security = security(properties, dataDir.toAbsolutePath().resolve("sip-tls"));
            TelephonyEngine engine = TelephonyEngine.builder(config).security(security).listener(listener).queues(flow).flows(flows)
                    .callerLists(callerLists).businessHours(workingHours).extensions(roster::sipPassword).clock(clock)
                    // phones that registered with another node, or before a restart, are reachable from the start
                    .registrationStore(registrations).start();
            // The ACD is a singleton: in a cluster only the lease holder takes new calls (always, on a single node).
            engine.acceptCallsWhile(lease::held);
            switchboard.started(engine);
            log.info("Telephony engine listening for SIP on {}:{} (UDP and TCP){}, advertised as {}; SRTP for phones: {}",
                    properties.bindAddress(), properties.port(),
                    engine.sipTlsPort() > 0 ? " and " + engine.sipTlsPort() + " (TLS)" : "",
                    properties.advertisedAddress(), security.phones());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the telephony engine on SIP port " + properties.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A configured carrier trunk; a TLS carrier's default port is 5061. */
    static Trunk trunk(TelephonyProperties.TrunkProperties t) {
        boolean tls = "tls".equalsIgnoreCase(t.transport());
        return new Trunk(t.name(), new HashSet<>(t.inboundNumbers() == null ? List.of() : t.inboundNumbers()),
                new HashSet<>(t.allowedAddresses() == null ? List.of() : t.allowedAddresses()), t.username(),
                t.password(), t.outboundHost(), t.outboundPort() != null ? t.outboundPort() : tls ? 5061 : 5060,
                t.callerId(), 0, t.callerIdPassThrough(), t.transport());
    }

    /** SIP over TLS when {@code hotline.sip.tls.enabled}, and the SRTP policies of the phones and of each trunk. */
    static SipSecurity security(TelephonyProperties properties, Path generated) {
        java.util.Map<String, SrtpPolicy> trunkPolicies = new java.util.HashMap<>();
        boolean tlsOn = properties.tls() != null && properties.tls().enabled();
        for (TelephonyProperties.TrunkProperties trunk : properties.trunks()) {
            if (trunk.srtp() != null) trunkPolicies.put(trunk.name(), trunk.srtp());
            if ("tls".equalsIgnoreCase(trunk.transport()) && !tlsOn) {
                // said at start, not at the first call a citizen is handed over with
                throw new IllegalStateException("trunk " + trunk.name() + " is reached over TLS (hotline.sip.trunks[].transport"
                        + "=tls), which needs hotline.sip.tls.enabled=true");
            }
        }
        TelephonyProperties.TlsProperties t = properties.tls();
        SipSecurity.Tls tls = t == null || !t.enabled() ? null : new SipSecurity.Tls(t.port() == null ? 5061 : t.port(),
                path(t.certificate()), path(t.privateKey()), path(t.pkcs12()), t.pkcs12Password(), generated,
                properties.advertisedAddress(), path(t.trustedCertificates()));
        return new SipSecurity(tls, properties.srtp(), trunkPolicies, SrtpPolicy.OPTIONAL);
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * With demo data on and no trunk for the hotline number, a newcomer can still call in: a softphone or sipp on
     * this machine dials the hotline number directly (docs/callcenter.md has the recipe). Loopback only.
     */
    static Trunk demoTrunk(String hotlineNumber) {
        return new Trunk(DEMO_TRUNK, java.util.Set.of(hotlineNumber), java.util.Set.of("127.0.0.1"), null, null, null, 0,
                hotlineNumber);
    }

    @Override
    public void stop() {
        TelephonyEngine e = switchboard.stopped();
        if (e != null) {
            e.close();
        }
    }

    @Override
    public boolean isRunning() {
        return switchboard.running();
    }
}
