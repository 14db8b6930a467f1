package org.openhotline.quality.internal.machine.asr;

import java.util.Optional;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;
import org.openhotline.quality.internal.machine.text.Transcript;

/**
 * A speech recogniser that turns a recording into a transcript for the text rules. An engine inside the platform
 * (Vosk) transcribes when a call is analysed; an external engine (the city's speech platform) posts its transcript
 * through the API instead, and then none is configured here.
 */
public interface AsrEngine {

    /** Whether the engine can transcribe (e.g. a model is configured and loads). */
    boolean available();

    String name();

    /** Both channels transcribed: citizen utterances from the left, agent utterances from the right. */
    Optional<Transcript> transcribe(StereoRecording recording);
}
