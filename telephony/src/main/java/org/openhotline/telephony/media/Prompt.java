package org.openhotline.telephony.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Audio to play: 8 kHz mono 16-bit samples, loaded from a WAV file or generated. */
public record Prompt(String name, short[] samples) {

    public static Prompt fromWav(String name, InputStream in) throws IOException {
        return new Prompt(name, WavFile.readMono8k(in));
    }

    public static Prompt fromWav(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromWav(file.getFileName().toString(), in);
        }
    }

    /** A sine tone, used as music on hold when no file is configured and by tests as a recognisable signal. */
    public static Prompt tone(String name, double hz, int millis, int amplitude) {
        short[] s = new short[Codec.SAMPLE_RATE * millis / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / Codec.SAMPLE_RATE));
        }
        return new Prompt(name, s);
    }

    public long durationMillis() {
        return samples.length * 1000L / Codec.SAMPLE_RATE;
    }
}
