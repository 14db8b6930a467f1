package org.openhotline.quality.internal.machine.asr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;
import org.openhotline.quality.internal.machine.text.Transcript;
import org.openhotline.quality.internal.machine.text.Transcript.Speaker;
import org.openhotline.quality.internal.machine.text.Transcript.Utterance;
import org.openhotline.quality.internal.machine.text.Transcript.Word;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vosk (Kaldi) speech recognition inside the platform, off unless the operator points
 * {@code hotline.quality.asr.vosk-model} at an unpacked Chinese model folder (no model ships with the platform: see
 * docs/quality-machine.md). The model loads at the first call to analyse; each channel is recognised on its own,
 * so the speaker of every utterance is known. The native library loads only then, so a platform without a model
 * never touches it.
 */
@Component
class VoskAsrEngine implements AsrEngine {

    private static final Logger log = LoggerFactory.getLogger(VoskAsrEngine.class);
    private final String modelPath;
    private final JsonMapper json;
    private volatile Object model;
    private volatile boolean failed;

    VoskAsrEngine(@Value("${hotline.quality.asr.vosk-model:}") String modelPath, JsonMapper json) {
        this.modelPath = modelPath == null ? "" : modelPath.strip();
        this.json = json;
    }

    @Override
    public boolean available() {
        return !modelPath.isEmpty() && !failed && Files.isDirectory(Path.of(modelPath));
    }

    @Override
    public String name() {
        return "vosk";
    }

    private synchronized org.vosk.Model model() {
        if (model == null) {
            try {
                org.vosk.LibVosk.setLogLevel(org.vosk.LogLevel.WARNINGS);
                model = new org.vosk.Model(modelPath);
                log.info("Vosk model loaded from {}", modelPath);
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                failed = true;
                log.warn("Vosk model {} could not be loaded, machine inspection runs without transcripts: {}",
                        modelPath, e.toString());
                return null;
            }
        }
        return (org.vosk.Model) model;
    }

    @Override
    public Optional<Transcript> transcribe(StereoRecording recording) {
        if (!available()) return Optional.empty();
        org.vosk.Model m = model();
        if (m == null) return Optional.empty();
        List<Utterance> all = new ArrayList<>();
        all.addAll(channel(m, recording.citizen(), recording.sampleRate(), Speaker.CITIZEN));
        all.addAll(channel(m, recording.agent(), recording.sampleRate(), Speaker.AGENT));
        all.sort(java.util.Comparator.comparingLong(Utterance::startMs));
        return Optional.of(new Transcript(name(), all));
    }

    private List<Utterance> channel(org.vosk.Model m, short[] samples, int rate, Speaker speaker) {
        List<Utterance> out = new ArrayList<>();
        try (org.vosk.Recognizer r = new org.vosk.Recognizer(m, rate)) {
            r.setWords(true);
            int chunk = rate / 5;
            short[] part = new short[chunk];
            for (int i = 0; i < samples.length; i += chunk) {
                int n = Math.min(chunk, samples.length - i);
                System.arraycopy(samples, i, part, 0, n);
                if (r.acceptWaveForm(part, n)) {
                    utterance(r.getResult(), speaker).ifPresent(out::add);
                }
            }
            utterance(r.getFinalResult(), speaker).ifPresent(out::add);
        } catch (java.io.IOException e) {
            log.warn("Vosk could not recognise a channel: {}", e.getMessage());
        }
        return out;
    }

    /** A Vosk result: {"result":[{"word":"您好","start":0.42,"end":0.9,"conf":1.0},…],"text":"您好 …"}. */
    Optional<Utterance> utterance(String result, Speaker speaker) {
        JsonNode node = json.readTree(result);
        JsonNode words = node.path("result");
        if (!words.isArray() || words.isEmpty()) return Optional.empty();
        List<Word> list = new ArrayList<>();
        for (JsonNode w : words) {
            list.add(new Word(w.path("word").asString(), Math.round(w.path("start").asDouble() * 1000),
                    Math.round(w.path("end").asDouble() * 1000)));
        }
        String text = node.path("text").asString().replace(" ", "");
        return Optional.of(new Utterance(speaker, list.getFirst().startMs(), list.getLast().endMs(), text, list));
    }
}
