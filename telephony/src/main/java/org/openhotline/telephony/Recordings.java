package org.openhotline.telephony;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.TelephonyEvent.RecordingReady;
import org.openhotline.telephony.media.Mixer;
import org.openhotline.telephony.media.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call recordings and voicemail. A recording belongs to the caller's leg and stops when either party
 * leaves, so its length is the talk time; {@link RecordingReady} tells the call center where it is. Files
 * go into one folder per day ({@code 2026-03-01/<leg>.wav}) so that archiving and retention work by date.
 */
final class Recordings {
    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    private final Mixer mixer;
    private final Path directory;
    private final LiveLegs legs;
    private final Events events;
    private final Clock clock;

    Recordings(Mixer mixer, Path directory, LiveLegs legs, Events events, Clock clock) {
        this.mixer = mixer;
        this.directory = directory;
        this.legs = legs;
        this.events = events;
        this.clock = clock;
    }

    private Path today() {
        return directory.resolve(LocalDate.now(clock).toString());
    }

    Path start(ActiveLeg caller, ActiveLeg agent) {
        Path file = today().resolve(caller.id.value() + ".wav");
        try {
            caller.recorder = mixer.record(file, caller.sip.media, agent.sip.media);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record to " + file + ": " + e.getMessage(), e);
        }
        caller.recordedWith = agent.id;
        agent.recordedWith = caller.id;
        return file;
    }

    void stop(ActiveLeg owner) {
        Recorder r;
        synchronized (owner) {
            r = owner.recorder;
            owner.recorder = null;
        }
        if (r == null) return;
        try {
            Duration d = mixer.stopRecording(r);
            events.emit(new RecordingReady(owner.id, r.file(), d));
        } catch (IOException e) {
            log.warn("recording {} could not be closed: {}", r.file(), e.getMessage());
        }
    }

    /** A leg ended: stop its recording and the one it is part of on its partner's leg. */
    void legEnded(ActiveLeg leg) {
        stop(leg);
        if (leg.recordedWith != null) legs.find(leg.recordedWith).ifPresent(this::stop);
    }

    /** Records one leg until 3 s of silence, {@code max}, or hang-up. */
    Path voicemail(ActiveLeg leg, Duration max) {
        Path file = today().resolve("voicemail-" + leg.id.value() + ".wav");
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
        stop(leg);
        return file;
    }
}
