package org.openhotline.telephony;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.TelephonyEvent.RecordingReady;
import org.openhotline.telephony.media.Mixer;
import org.openhotline.telephony.media.Recorder;
import org.openhotline.telephony.media.Role;
import org.openhotline.telephony.media.Room;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call recordings and voicemail. A recording belongs to the caller's leg and stops when the caller leaves or
 * nobody is left talking with the caller, so its length is the talk time; {@link RecordingReady} tells the call center where it is. Files
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
            caller.recorder = mixer.record(file, caller.sip.media, true);
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

    /**
     * A leg ended. The caller's leg takes its recording with it. An agent's leg ends the caller's recording only if
     * nobody else still talks with the caller: after a consulted transfer or in a three-way call the recording goes
     * on with whoever stayed, so it covers the whole call.
     */
    void legEnded(ActiveLeg leg) {
        if (leg.recorder != null) {
            stop(leg);
            return;
        }
        if (leg.recordedWith == null) return;
        legs.find(leg.recordedWith).ifPresent(caller -> {
            Room room = caller.sip.media.room();
            List<ActiveLeg> staying = room == null ? List.of() : room.members().stream()
                    .filter(m -> m != leg.sip.media && m != caller.sip.media && m.role() == Role.SPEAKER)
                    .map(m -> legs.find(m.id())).flatMap(Optional::stream).toList();
            if (staying.isEmpty()) {
                stop(caller);
            } else {
                staying.forEach(s -> s.recordedWith = caller.id);
            }
        });
    }

    /**
     * Records one leg until 3 s of silence, the caller's '#', {@code max}, or hang-up. Keys pressed before the
     * recording began (during the prompt) do not end it; other keys during it are dropped.
     */
    Path voicemail(ActiveLeg leg, Duration max) {
        Path file = today().resolve("voicemail-" + leg.id.value() + ".wav");
        CompletableFuture<Void> silent = new CompletableFuture<>();
        leg.digits.clear();
        try {
            leg.recorder = mixer.record(file, leg.sip.media, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        leg.sip.media.detectSilence(200, 3000, () -> silent.complete(null));
        CompletableFuture<Object> over = CompletableFuture.anyOf(silent, leg.sip.ended);
        long until = System.nanoTime() + max.toNanos();
        try {
            while (!over.isDone()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break; // max length reached
                }
                Character key = leg.digits.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                if (key != null && key == '#') {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leg.sip.media.stopSilenceDetection();
        stop(leg);
        return file;
    }
}
