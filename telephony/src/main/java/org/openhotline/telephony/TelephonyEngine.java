package org.openhotline.telephony;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.ivr.BusinessHours;
import org.openhotline.telephony.ivr.CallerLists;
import org.openhotline.telephony.ivr.Flow;
import org.openhotline.telephony.ivr.FlowRepository;
import org.openhotline.telephony.ivr.IvrSession;
import org.openhotline.telephony.ivr.QueueHandler;
import org.openhotline.telephony.media.Mixer;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.Recorder;
import org.openhotline.telephony.media.Role;
import org.openhotline.telephony.media.Room;
import org.openhotline.telephony.media.TickStats;
import org.openhotline.telephony.sip.SignallingEvents;
import org.openhotline.telephony.sip.SipLeg;
import org.openhotline.telephony.sip.Signalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade the call center drives: start it with {@link #builder(TelephonyConfig)}, receive
 * {@link TelephonyEvent}s, and command legs by {@link LegId}. Inbound calls to a number with a flow run
 * that IVR flow by themselves; everything else waits for commands. See {@code docs/telephony.md}.
 */
public final class TelephonyEngine implements AutoCloseable, SignallingEvents {
    private static final Logger log = LoggerFactory.getLogger(TelephonyEngine.class);
    private final TelephonyConfig config;
    private final Signalling signalling;
    private final Mixer mixer;
    private final Prompts prompts;
    private final TelephonyListener listener;
    private final EngineParts parts;
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telephony-events");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ActiveLeg> legs = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "media-watchdog");
                t.setDaemon(true);
                return t;
            });

    /** The call center's collaborators; any left out get harmless defaults. */
    record EngineParts(ExtensionDirectory extensions, FlowRepository flows, QueueHandler queues,
                       BusinessHours hours, CallerLists callerLists, Clock clock) { }

    TelephonyEngine(TelephonyConfig config, TelephonyListener listener, EngineParts parts) throws Exception {
        this.config = config;
        this.listener = listener;
        this.parts = parts;
        this.prompts = new Prompts(config.promptDirectory());
        this.mixer = Mixer.start();
        this.signalling = new Signalling(config, parts.extensions(), this, parts.clock());
        if (!config.mediaTimeout().isZero()) {
            watchdog.scheduleWithFixedDelay(this::releaseSilentLegs, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Hangs up answered legs whose RTP stopped (held legs may legitimately be silent: "inactive"). */
    private void releaseSilentLegs() {
        long now = System.nanoTime();
        for (ActiveLeg a : legs.values()) {
            if (a.sip.state() == SipLeg.State.ANSWERED && !a.sip.media.isHeld() && !a.sip.remoteHolds()
                    && a.sip.media.silentForNanos(now) > config.mediaTimeout().toNanos()) {
                log.info("leg {} sent no RTP for {}; hanging up", a.id, config.mediaTimeout());
                signalling.legs().hangup(a.sip, EndCause.MEDIA_TIMEOUT);
            }
        }
    }

    public static TelephonyEngineBuilder builder(TelephonyConfig config) {
        return new TelephonyEngineBuilder(config);
    }

    // ---- commands ---------------------------------------------------------------------------------------

    public void answer(LegId leg) {
        signalling.legs().answer(active(leg).sip);
    }

    /** Sends 183 with SDP so prompts reach the caller before the call is answered (and billed). */
    public void earlyMedia(LegId leg) {
        signalling.legs().earlyMedia(active(leg).sip);
    }

    /** Plays a prompt by name; completes true when it finished, false when stopped. */
    public CompletableFuture<Boolean> play(LegId leg, String prompt) {
        Optional<Prompt> p = prompts.find(prompt);
        if (p.isEmpty()) {
            log.warn("prompt {} not found; skipped", prompt);
            return CompletableFuture.completedFuture(true);
        }
        return active(leg).sip.media.play(p.get());
    }

    public void stopPlayback(LegId leg) {
        active(leg).sip.media.stopPlayback();
    }

    /** Collects up to {@code maxDigits} digits, ended by '#' or {@code timeout} between digits. */
    public CompletableFuture<String> collect(LegId leg, int maxDigits, Duration timeout) {
        ActiveLeg a = active(leg);
        EngineIvrCall call = new EngineIvrCall(this, a);
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            StringBuilder b = new StringBuilder();
            try {
                while (b.length() < maxDigits) {
                    char d = call.nextDigit(timeout);
                    if (d == 0 || d == '#') break;
                    b.append(d);
                }
                result.complete(b.toString());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Connects two legs so that they hear each other (a room of two speakers). */
    public void bridge(LegId a, LegId b) {
        ActiveLeg x = active(a);
        ActiveLeg y = active(b);
        Room room = x.sip.media.room() != null ? x.sip.media.room() : new Room("room-" + a.value());
        room.join(x.sip.media);
        room.join(y.sip.media);
        emit(new Bridged(a, b));
    }

    /** Puts a leg on hold: it hears music, nobody hears it. */
    public void hold(LegId leg) {
        active(leg).sip.media.hold(prompts.find("hold-music").orElse(Prompt.tone("hold", 440, 1000, 3000)));
        emit(new Held(leg));
    }

    public void unhold(LegId leg) {
        active(leg).sip.media.retrieve();
        emit(new Retrieved(leg));
    }

    /** Puts all legs into one room (three-way call); returns the room id. */
    public String conference(LegId... members) {
        Room room = Optional.ofNullable(active(members[0]).sip.media.room())
                .orElseGet(() -> new Room("room-" + members[0].value()));
        for (LegId m : members) room.join(active(m).sip.media);
        for (int i = 1; i < members.length; i++) emit(new Bridged(members[0], members[i]));
        return room.id();
    }

    /** A supervisor listens to an agent's call; nobody hears the supervisor. */
    public void monitor(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.LISTENER);
    }

    /** A supervisor coaches an agent: the agent hears the supervisor, the caller does not. */
    public void whisper(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.WHISPERER);
    }

    /** A supervisor joins the call as a full party. */
    public void barge(LegId supervisor, LegId agent) {
        joinAgentRoom(supervisor, agent, Role.SPEAKER);
    }

    private void joinAgentRoom(LegId supervisor, LegId agent, Role role) {
        ActiveLeg a = active(agent);
        Room room = a.sip.media.room();
        if (room == null) throw new IllegalStateException("agent leg " + agent + " is not in a call");
        room.join(active(supervisor).sip.media, role, role == Role.WHISPERER ? a.sip.media : null);
        emit(new Bridged(supervisor, agent));
    }

    /** Records the call as stereo WAV (caller left, agent right) until {@link #stopRecording} or either ends. */
    public Path record(LegId caller, LegId agent) {
        ActiveLeg c = active(caller);
        ActiveLeg a = active(agent);
        Path file = config.recordingDirectory().resolve(caller.value() + ".wav");
        try {
            c.recorder = mixer.record(file, c.sip.media, a.sip.media);
            c.recordedWith = agent;
            a.recordedWith = caller;
        } catch (IOException e) {
            throw new IllegalStateException("cannot record to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    public void stopRecording(LegId caller) {
        ActiveLeg c = legs.get(caller.value());
        if (c != null) finishRecording(c);
    }

    private void finishRecording(ActiveLeg owner) {
        Recorder r;
        synchronized (owner) {
            r = owner.recorder;
            owner.recorder = null;
        }
        if (r == null) return;
        try {
            Duration d = mixer.stopRecording(r);
            emit(new RecordingReady(owner.id, r.file(), d));
        } catch (IOException e) {
            log.warn("recording {} could not be closed: {}", r.file(), e.getMessage());
        }
    }

    /** Voicemail: records one leg until 3 s of silence after the caller spoke, {@code max}, or hang-up. */
    Path recordVoicemail(ActiveLeg leg, Duration max) {
        Path file = config.recordingDirectory().resolve("voicemail-" + leg.id.value() + ".wav");
        CompletableFuture<Void> silent = new CompletableFuture<>();
        try {
            leg.recorder = mixer.record(file, leg.sip.media, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        leg.sip.media.detectSilence(200, 3000, () -> silent.complete(null));
        try {
            CompletableFuture.anyOf(silent, leg.sip.ended).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // max length reached
        }
        leg.sip.media.stopSilenceDetection();
        finishRecording(leg);
        return file;
    }

    /**
     * Calls a registered extension or, through a trunk, an outside number. {@code callerId} null means the
     * trunk's configured number. {@code autoAnswer} asks an agent phone to go off-hook by itself.
     */
    public LegId originate(String destination, String callerId, boolean autoAnswer) {
        try {
            SipLeg leg = signalling.dialer().dial(destination, callerId, autoAnswer);
            ActiveLeg a = track(leg);
            return a.id;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot call " + destination + ": " + e.getMessage(), e);
        }
    }

    /** Completes when the leg answers; fails when it ends first. */
    public CompletableFuture<Void> answered(LegId leg) {
        return active(leg).sip.answered;
    }

    /**
     * Blind transfer: the leg leaves its call (the agent's side is released), hears music while the new
     * destination rings, and is bridged to it on answer; if nobody answers the leg is hung up.
     */
    public LegId transfer(LegId leg, String destination) {
        ActiveLeg x = active(leg);
        Room old = x.sip.media.room();
        if (old != null) {
            old.leave(x.sip.media);
            releaseLonelyRoom(old);
        }
        LegId target = originate(destination, null, false);
        x.sip.media.hold(prompts.find("hold-music").orElse(null));
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

    public void hangup(LegId leg) {
        ActiveLeg a = legs.get(leg.value());
        if (a != null) signalling.legs().hangup(a.sip, EndCause.NORMAL_CLEARING);
    }

    /** Runs an IVR flow for the leg on its own virtual thread; the result arrives as {@link IvrFinished}. */
    public void runFlow(LegId leg, String flowId) {
        Flow flow = parts.flows().find(flowId).orElseThrow(() -> new IllegalArgumentException("no flow " + flowId));
        startFlow(active(leg), flow);
    }

    private void startFlow(ActiveLeg a, Flow flow) {
        Thread.ofVirtual().name("ivr-" + a.id.value()).start(() -> {
            IvrSession.Result r;
            try {
                r = new IvrSession(flow, new EngineIvrCall(this, a), a.id, parts.queues(), parts.hours(),
                        parts.callerLists(), parts.clock()).run();
            } catch (RuntimeException e) {
                log.warn("IVR {} failed for {}: {}", flow.id(), a.id, e.toString());
                hangup(a.id);
                r = new IvrSession.Result("failed", Map.of());
            }
            emit(new IvrFinished(a.id, flow.id(), r.outcome(), r.variables()));
        });
    }

    // ---- queries ----------------------------------------------------------------------------------------

    public boolean isRegistered(String extension) {
        return signalling.registrations().isRegistered(extension);
    }

    public Optional<MediaStats> mediaStats(LegId leg) {
        ActiveLeg a = legs.get(leg.value());
        return a == null ? Optional.empty() : Optional.of(stats(a));
    }

    private static MediaStats stats(ActiveLeg a) {
        var m = a.sip.media;
        return new MediaStats(m.packetsIn(), m.packetsOut(), m.echoesReceived(), m.framesLost(), m.codec().encodingName);
    }

    public List<LegId> activeLegs() {
        return legs.values().stream().map(l -> l.id).toList();
    }

    public TickStats mixerStats() {
        return mixer.stats();
    }

    public int sipPort() {
        return signalling.port();
    }

    // ---- signalling events ------------------------------------------------------------------------------

    private ActiveLeg track(SipLeg leg) {
        ActiveLeg a = new ActiveLeg(leg);
        legs.put(leg.id, a);
        leg.media.onDigit(d -> digit(leg, d));
        mixer.add(leg.media);
        return a;
    }

    @Override
    public void arrived(SipLeg leg) {
        ActiveLeg a = track(leg);
        emit(new CallArrived(a.id, leg.from, leg.to, leg.trunk));
        parts.flows().forNumber(leg.to).ifPresent(flow -> startFlow(a, flow));
    }

    @Override
    public void ringing(SipLeg leg) {
        emit(new Ringing(new LegId(leg.id)));
    }

    @Override
    public void answered(SipLeg leg) {
        emit(new Answered(new LegId(leg.id)));
    }

    @Override
    public void ended(SipLeg leg, EndCause cause) {
        ActiveLeg a = legs.remove(leg.id);
        if (a == null) return;
        finishRecording(a);
        if (a.recordedWith != null) {
            ActiveLeg partner = legs.get(a.recordedWith.value());
            if (partner != null) finishRecording(partner);
        }
        Room room = leg.media.room();
        mixer.remove(leg.media);
        if (room != null) releaseLonelyRoom(room);
        emit(new Ended(a.id, cause, stats(a)));
    }

    /** A room left with one speaker is a finished call: release everyone still in it. */
    private void releaseLonelyRoom(Room room) {
        List<org.openhotline.telephony.media.MediaLeg> members = room.members();
        long speakers = members.stream().filter(m -> m.role() == Role.SPEAKER).count();
        if (speakers <= 1) {
            for (var m : members) {
                room.leave(m);
                ActiveLeg other = legs.get(m.id());
                if (other != null) signalling.legs().hangup(other.sip, EndCause.NORMAL_CLEARING);
            }
        }
    }

    @Override
    public void digit(SipLeg leg, char digit) {
        ActiveLeg a = legs.get(leg.id);
        if (a == null) return;
        a.digits.offer(digit);
        emit(new DtmfReceived(a.id, digit));
    }

    @Override
    public void holdChanged(SipLeg leg, boolean held) {
        Room room = leg.media.room();
        if (room == null) return;
        for (var m : room.members()) {
            if (m == leg.media) continue;
            ActiveLeg other = legs.get(m.id());
            if (other == null) continue;
            if (held) hold(other.id);
            else unhold(other.id);
        }
    }

    @Override
    public void registration(String extension, boolean registered) {
        emit(new ExtensionRegistration(new LegId("ext-" + extension), extension, registered));
    }

    private void emit(TelephonyEvent event) {
        eventThread.execute(() -> {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                log.warn("listener failed on {}: {}", event, e.toString());
            }
        });
    }

    private ActiveLeg active(LegId leg) {
        ActiveLeg a = legs.get(leg.value());
        if (a == null) throw new IllegalArgumentException("no active leg " + leg);
        return a;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        signalling.close();
        mixer.close();
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
