package org.openhotline.quality.internal.machine.text;

import java.util.List;

/**
 * What was said in a call, as an ASR engine heard it: utterances of the citizen or the agent (the recording's
 * channels) with their times in milliseconds from the recording's start, and optionally each word's times.
 */
public record Transcript(String engine, List<Utterance> utterances) {

    public enum Speaker { CITIZEN, AGENT }

    public record Word(String text, long startMs, long endMs) {}

    public record Utterance(Speaker speaker, long startMs, long endMs, String text, List<Word> words) {}

    public long endMs() {
        return utterances.stream().mapToLong(Utterance::endMs).max().orElse(0);
    }
}
