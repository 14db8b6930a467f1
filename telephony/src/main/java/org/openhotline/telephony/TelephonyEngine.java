package org.openhotline.telephony;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.ivr.BusinessHours;
import org.openhotline.telephony.ivr.CallerLists;
import org.openhotline.telephony.ivr.Flow;
import org.openhotline.telephony.ivr.FlowRepository;
import org.openhotline.telephony.ivr.QueueHandler;
import org.openhotline.telephony.media.Mixer;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.Role;
import org.openhotline.telephony.media.Room;
import org.openhotline.telephony.media.TickStats;
import org.openhotline.telephony.sip.Signalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade the call center drives: start it with {@link #builder(TelephonyConfig)}, receive
 * {@link TelephonyEvent}s, and command legs by {@link LegId}. Inbound calls to a number with a flow run
 * that IVR flow by themselves; everything else waits for commands. Commands on a leg that is gone throw
 * {@link IllegalArgumentException}. See {@code docs/telephony.md}.
 */
public final class TelephonyEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelephonyEngine.class);
    private final Signalling signalling;
    private final Mixer mixer;
    private final Prompts prompts;
    private final Events events;
    private final LiveLegs legs = new LiveLegs();
    private final Recordings recordings;
    private final CallLifecycle lifecycle;
    private final IvrRunner ivr;
    private final EngineParts parts;
    private final Watchdog watchdog;

    /** The call center's collaborators; any left out get harmless defaults. */
    record EngineParts(ExtensionDirectory extensions, FlowRepository flows, QueueHandler queues,
                       BusinessHours hours, CallerLists callerLists, Clock clock, SipSecurity security,
                       RegistrationStore registrationStore) { }

    TelephonyEngine(TelephonyConfig config, TelephonyListener listener, EngineParts parts) throws Exception {
        this.parts = parts;
        this.events = new Events(listener);
        this.prompts = new Prompts(config.promptDirectory());
        this.mixer = Mixer.start();
        this.recordings = new Recordings(mixer, config.recordingDirectory(), legs, events, parts.clock());
        this.ivr = new IvrRunner(this, parts, events);
        this.lifecycle = new CallLifecycle(this, legs, mixer, events, recordings, parts.flows(), ivr);
        this.signalling = new Signalling(config, parts.security(), parts.extensions(), lifecycle, parts.clock(),
                parts.registrationStore());
        this.watchdog = new Watchdog(config, legs, signalling.registrations(), this, events);
        restoreRegistrations();
    }

    /**
     * Takes back the phones' registrations kept in the {@link RegistrationStore} (at start, and on the node that
     * takes over the call center in a cluster): each phone that registered with another engine, or with this one
     * before a restart, is reachable again at once. Returns how many; safe to call again.
     */
    public int restoreRegistrations() {
        List<String> restored = signalling.registrations().restore();
        restored.forEach(ext -> events.emit(new TelephonyEvent.ExtensionRegistration(ext, true)));
        if (!restored.isEmpty()) log.info("{} phone registration(s) taken back from the store", restored.size());
        return restored.size();
    }

    public static TelephonyEngineBuilder builder(TelephonyConfig config) {
        return new TelephonyEngineBuilder(config);
    }

    /** In a cluster: new calls only while {@code accepting} (this node holds the call center's lease). */
    public void acceptCallsWhile(java.util.function.BooleanSupplier accepting) {
        signalling.acceptCallsWhile(accepting);
    }

    public void answer(LegId leg) {
        signalling.legs().answer(legs.active(leg).sip);
    }

    /** Sends 183 with SDP so prompts reach the caller before the call is answered (and billed). */
    public void earlyMedia(LegId leg) {
        signalling.legs().earlyMedia(legs.active(leg).sip);
    }

    /** Plays a prompt by name; completes true when it finished, false when stopped. */
    public CompletableFuture<Boolean> play(LegId leg, String prompt) {
        Optional<Prompt> p = prompts.find(prompt);
        if (p.isEmpty()) {
            log.warn("prompt {} not found; skipped", prompt);
            return CompletableFuture.completedFuture(true);
        }
        return legs.active(leg).sip.media.play(p.get());
    }

    public void stopPlayback(LegId leg) {
        legs.active(leg).sip.media.stopPlayback();
    }

    /**
     * Loops a prompt (music while queued) whenever no other prompt plays: prompts such as queue
     * announcements interrupt it and it resumes after them. Stops on {@link #stopMusic} or when bridged.
     */
    public void playMusic(LegId leg, String prompt) {
        legs.active(leg).sip.media.music(prompts.find(prompt).orElseGet(this::holdMusic));
    }

    public void stopMusic(LegId leg) {
        legs.active(leg).sip.media.stopMusic();
    }

    /** Mutes a leg towards the other parties of its call (a listening team leader still hears it), or unmutes. */
    public void mute(LegId leg, boolean muted) {
        legs.active(leg).sip.media.mute(muted);
    }

    public boolean isMuted(LegId leg) {
        return legs.active(leg).sip.media.isMuted();
    }

    /**
     * The leg stays up when the other party of its two-party call hangs up, instead of being released with
     * it: the call center takes it on (a caller goes to the satisfaction survey after the agent hung up).
     * Digits pressed before that moment are dropped, digits after it are kept for the next flow.
     */
    public void keepWhenAlone(LegId leg, boolean keep) {
        legs.active(leg).keepWhenAlone = keep;
    }

    /** Collects up to {@code maxDigits} digits, ended by '#' or {@code timeout} between digits. */
    public CompletableFuture<String> collect(LegId leg, int maxDigits, Duration timeout) {
        EngineIvrCall call = new EngineIvrCall(this, legs.active(leg));
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder b = new StringBuilder();
            while (b.length() < maxDigits) {
                char d = call.nextDigit(timeout);
                if (d == 0 || d == '#') break;
                b.append(d);
            }
            return b.toString();
        }, r -> Thread.ofVirtual().start(r));
    }

    /** Connects two legs so that they hear each other (a room of two speakers); answers them if needed. */
    public void bridge(LegId a, LegId b) {
        ActiveLeg x = legs.active(a);
        ActiveLeg y = legs.active(b);
        signalling.legs().answer(x.sip); // no-op unless an inbound leg is still ringing or in early media
        signalling.legs().answer(y.sip);
        x.sip.media.stopMusic();
        y.sip.media.stopMusic();
        Room room = x.sip.media.room() != null ? x.sip.media.room() : new Room("room-" + a.value());
        room.join(x.sip.media);
        room.join(y.sip.media);
        events.emit(new Bridged(a, b));
    }

    /** Puts a leg on hold: it hears music, nobody hears it. */
    public void hold(LegId leg) {
        legs.active(leg).sip.media.hold(holdMusic());
        events.emit(new Held(leg));
    }

    public void unhold(LegId leg) {
        legs.active(leg).sip.media.retrieve();
        events.emit(new Retrieved(leg));
    }

    private Prompt holdMusic() {
        return prompts.find("hold-music").orElse(Prompt.tone("hold", 440, 1000, 3000));
    }

    /** Puts all legs into one room (three-way call, conference); returns the room id. */
    public String conference(LegId... members) {
        Room room = Optional.ofNullable(legs.active(members[0]).sip.media.room())
                .orElseGet(() -> new Room("room-" + members[0].value()));
        for (LegId m : members) {
            signalling.legs().answer(legs.active(m).sip);
            legs.active(m).sip.media.stopMusic();
            room.join(legs.active(m).sip.media);
        }
        for (int i = 1; i < members.length; i++) events.emit(new Bridged(members[0], members[i]));
        return room.id();
    }

    /** A team leader listens to an agent's call; nobody hears the leader. */
    public void monitor(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.LISTENER);
    }

    /** A team leader coaches an agent: the agent hears the leader, the caller does not. */
    public void whisper(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.WHISPERER);
    }

    /** A team leader joins the call as a full party. */
    public void barge(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.SPEAKER);
    }

    private void joinAgentRoom(LegId supervisor, LegId agent, Role role) {
        ActiveLeg a = legs.active(agent);
        Room room = a.sip.media.room();
        if (room == null) throw new IllegalStateException("agent leg " + agent + " is not in a call");
        room.join(legs.active(supervisor).sip.media, role, role == Role.WHISPERER ? a.sip.media : null);
        events.emit(new Bridged(supervisor, agent));
    }

    /**
     * Records the call as stereo WAV: the caller left, whoever talks with the caller right (the agent, and after a
     * consulted transfer or in a three-way call whoever stays). Until {@link #stopRecording}, the caller leaves,
     * or the last party talking with the caller leaves.
     */
    public Path record(LegId caller, LegId agent) {
        return recordings.start(legs.active(caller), legs.active(agent));
    }

    public void stopRecording(LegId caller) {
        legs.find(caller).ifPresent(recordings::stop);
    }

    Path recordVoicemail(ActiveLeg leg, Duration max) {
        return recordings.voicemail(leg, max);
    }

    /**
     * Calls a registered extension or, through a trunk, an outside number. {@code callerId} null means the
     * trunk's configured number. {@code autoAnswer} asks an agent phone to go off-hook by itself.
     */
    public LegId originate(String destination, String callerId, boolean autoAnswer) {
        return originate(destination, callerId, autoAnswer, leg -> { });
    }

    /**
     * As {@link #originate(String, String, boolean)}; {@code known} learns the new leg's id before its INVITE
     * leaves. A phone that answers at once has its {@code Answered} reported before this method returns, so a
     * caller that looks legs up by id must file the id in {@code known}, not after the return.
     */
    public LegId originate(String destination, String callerId, boolean autoAnswer, java.util.function.Consumer<LegId> known) {
        // The leg is tracked before its INVITE is sent, so that even an immediate final answer is reported.
        java.util.concurrent.atomic.AtomicReference<ActiveLeg> tracked = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            signalling.dialer().dial(destination, callerId, autoAnswer, leg -> {
                tracked.set(lifecycle.track(leg));
                known.accept(tracked.get().id);
            });
            return tracked.get().id;
        } catch (IllegalArgumentException e) {
            lifecycle.untrack(tracked.get());
            throw e;
        } catch (Exception e) {
            lifecycle.untrack(tracked.get());
            throw new IllegalStateException("cannot call " + destination + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a call to {@code destination} may present a number that is not the platform's own (a citizen's, when the
     * call is handed over to 110): it leaves through a trunk with caller-ID pass-through (主叫号码透传), which then
     * carries that number in From and P-Asserted-Identity.
     */
    public boolean passesCallerId(String destination) {
        return signalling.dialer().trunkFor(destination).map(Trunk::callerIdPassThrough).orElse(false);
    }

    /**
     * When an OPTIONS last reached this engine, if ever: in a cluster, Kamailio probes every node every 2 s, so a
     * silence says the proxy cannot reach this node (docs/adr/050-cluster.md, decision 7).
     */
    public Optional<java.time.Instant> lastProbedAt() {
        return signalling.lastProbedAt();
    }

    /** Whether {@link #originate} has a way to {@code destination}: a registered extension or an outbound trunk. */
    public boolean canReach(String destination) {
        return signalling.registrations().isRegistered(destination) || signalling.dialer().trunkFor(destination).isPresent();
    }

    /** Completes when the leg answers; fails when it ends first. */
    public CompletableFuture<Void> answered(LegId leg) {
        return legs.active(leg).sip.answered;
    }

    /** Completes with the cause when the leg ends (a leg the call center does not track as a call, e.g. click-to-call). */
    public CompletableFuture<EndCause> ended(LegId leg) {
        return legs.active(leg).sip.ended;
    }

    /**
     * Blind transfer: the leg leaves its call (the agent's side is released), hears music while the new
     * destination rings, and is bridged to it on answer; if nobody answers the leg is hung up.
     */
    public LegId transfer(LegId leg, String destination) {
        ActiveLeg x = legs.active(leg);
        Room old = x.sip.media.room();
        if (old != null) {
            old.leave(x.sip.media);
            lifecycle.releaseIfAlone(old);
        }
        LegId target = originate(destination, null, false);
        x.sip.media.hold(holdMusic());
        answered(target).whenComplete((v, err) -> {
            if (err != null) {
                hangup(leg);
                return;
            }
            x.sip.media.retrieve();
            bridge(leg, target);
        });
        return target;
    }

    /**
     * Ends a transfer the phone on {@code leg} asked for ({@link TransferRequested} or
     * {@link AttendedTransferRequested}): tells the phone with the final NOTIFY whether it was carried out, before
     * any of its legs is released. Every such request must end with this call.
     */
    public void referOutcome(LegId leg, boolean joined) {
        legs.find(leg).ifPresent(a -> signalling.legs().referOutcome(a.sip, joined));
    }

    public void hangup(LegId leg) {
        hangup(leg, EndCause.NORMAL_CLEARING);
    }

    void hangup(LegId leg, EndCause cause) {
        legs.find(leg).ifPresent(a -> signalling.legs().hangup(a.sip, cause));
    }

    /** Runs an IVR flow for the leg; the result arrives as {@link IvrFinished}. */
    public void runFlow(LegId leg, String flowId) {
        ActiveLeg a = legs.active(leg);
        Flow flow = parts.flows().find(flowId).orElseThrow(() -> new IllegalArgumentException("no flow " + flowId));
        a.sip.media.stopMusic(); // the flow's prompts and recordings own the leg's audio now
        ivr.start(a, flow);
    }

    /** Whether the trunk's carrier answers our OPTIONS probes (for the fault alarms). */
    public boolean isTrunkUp(String trunk) {
        return signalling.trunkUp(trunk);
    }

    /** Whether a trunk that must register with its carrier currently is. */
    public boolean isTrunkRegistered(String trunk) {
        return signalling.trunkRegistered(trunk);
    }

    public boolean isRegistered(String extension) {
        return signalling.registrations().isRegistered(extension);
    }

    public Optional<MediaStats> mediaStats(LegId leg) {
        return legs.find(leg).map(TelephonyEngine::stats);
    }

    static MediaStats stats(ActiveLeg a) {
        var m = a.sip.media;
        return new MediaStats(m.packetsIn(), m.packetsOut(), m.echoesReceived(), m.intactEchoes(), m.framesLost(),
                m.codec().encodingName, m.isSecure(), m.srtpDropped());
    }

    public List<LegId> activeLegs() {
        return legs.ids();
    }

    public TickStats mixerStats() {
        return mixer.stats();
    }

    public int sipPort() {
        return signalling.port();
    }

    /** The SIP over TLS port, or -1 when TLS is off. */
    public int sipTlsPort() {
        return signalling.tlsPort();
    }

    /** Forgets a cached prompt after a recorded one was uploaded under its name. */
    public void promptChanged(String name) {
        prompts.evict(name);
    }

    @Override
    public void close() {
        watchdog.close();
        signalling.close();
        mixer.close();
        events.close();
    }
}
