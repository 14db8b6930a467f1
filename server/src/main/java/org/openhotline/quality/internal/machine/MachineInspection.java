package org.openhotline.quality.internal.machine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.callcenter.RecordedCalls;
import org.openhotline.callcenter.RecordedCalls.RecordedCall;
import org.openhotline.quality.internal.machine.acoustic.AcousticAnalysis;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;
import org.openhotline.quality.internal.machine.asr.AsrEngine;
import org.openhotline.quality.internal.machine.rules.AcousticRules;
import org.openhotline.quality.internal.machine.rules.CallRecordRules;
import org.openhotline.quality.internal.machine.rules.Finding;
import org.openhotline.quality.internal.machine.rules.MachineRules;
import org.openhotline.quality.internal.machine.rules.RuleSetting;
import org.openhotline.quality.internal.machine.text.TextRules;
import org.openhotline.quality.internal.machine.text.Transcript;
import org.openhotline.quality.internal.machine.text.Transcripts;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.CallOrderTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Machine inspection of one call: the acoustic rules on its recording, the call-record rules on its 话单 and, when
 * a transcript exists or the configured ASR engine makes one, the text rules. The file is read and analysed outside
 * any transaction; the analysis row and the flags are written together, so running it twice changes nothing.
 */
@Service
public class MachineInspection {

    private static final Logger log = LoggerFactory.getLogger(MachineInspection.class);
    private final RecordedCalls calls;
    private final CallOrderTexts orders;
    private final MachineRules rules;
    private final MachineFlags flags;
    private final Transcripts transcripts;
    private final List<AsrEngine> engines;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MachineInspection(RecordedCalls calls, CallOrderTexts orders, MachineRules rules, MachineFlags flags,
                      Transcripts transcripts, List<AsrEngine> engines, JdbcClient jdbc, TransactionTemplate tx,
                      Clock clock) {
        this.calls = calls;
        this.orders = orders;
        this.rules = rules;
        this.flags = flags;
        this.transcripts = transcripts;
        this.engines = engines;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** What one analysis found: its outcome (ANALYSED, NO_RECORDING, UNREADABLE, NOT_ANSWERED) and flag count. */
    public record Outcome(String callId, String outcome, int findings) {}

    public Outcome analyse(String callId) {
        RecordedCall call = calls.find(callId).orElseThrow(() -> DomainException.notFound("没有这通电话：" + callId));
        if (call.answeredAt() == null) {
            return store(callId, "NOT_ANSWERED", null, null, List.of(), null);
        }
        if (call.recordingPath() == null) {
            return store(callId, "NO_RECORDING", null, null, List.of(), null);
        }
        StereoRecording recording;
        try {
            recording = StereoRecording.read(Path.of(call.recordingPath()));
        } catch (IOException | RuntimeException e) {
            log.warn("Recording of call {} could not be read: {}", callId, e.toString());
            return store(callId, "UNREADABLE", null, null, List.of(), "录音无法读取：" + e.getMessage());
        }
        Map<String, RuleSetting> settings = rules.byCode();
        AcousticAnalysis acoustic = AcousticAnalysis.of(recording);
        List<Finding> found = new ArrayList<>(AcousticRules.evaluate(acoustic, settings));
        found.addAll(CallRecordRules.evaluate(call, recording.lengthMillis(), settings));
        Optional<Transcript> transcript = transcripts.find(callId).or(() -> transcribe(callId, recording));
        transcript.ifPresent(t -> found.addAll(textFindings(callId, t, settings)));
        return store(callId, "ANALYSED", acoustic, transcript.orElse(null), found, null);
    }

    /** A transcript arrived (the external ASR's API): only the text rules run again. */
    public int reviewText(String callId, Transcript t) {
        List<Finding> found = textFindings(callId, t, rules.byCode());
        tx.executeWithoutResult(s -> flags.replace(callId, List.of("TEXT"), found));
        return found.size();
    }

    private List<Finding> textFindings(String callId, Transcript t, Map<String, RuleSetting> settings) {
        List<String> texts = orders.ofCall(callId).stream().map(CallOrderTexts.OrderText::text).toList();
        return TextRules.evaluate(t, texts, settings);
    }

    private Optional<Transcript> transcribe(String callId, StereoRecording recording) {
        for (AsrEngine engine : engines) {
            if (!engine.available()) continue;
            Optional<Transcript> t = engine.transcribe(recording);
            t.ifPresent(x -> transcripts.save(callId, x, "asr:" + engine.name()));
            return t;
        }
        return Optional.empty();
    }

    private Outcome store(String callId, String outcome, AcousticAnalysis a, Transcript t, List<Finding> found,
                          String note) {
        List<String> kinds = t == null ? List.of("ACOUSTIC", "CALL") : List.of("ACOUSTIC", "CALL", "TEXT");
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into qc_machine_analysis (call_id, analysed_at, length_ms, citizen_speech_ms, agent_speech_ms,
                                                     agent_share, agent_rate, outcome, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (call_id) do update set analysed_at = excluded.analysed_at,
                           length_ms = excluded.length_ms, citizen_speech_ms = excluded.citizen_speech_ms,
                           agent_speech_ms = excluded.agent_speech_ms, agent_share = excluded.agent_share,
                           agent_rate = excluded.agent_rate, outcome = excluded.outcome, note = excluded.note""")
                    .params(callId, OffsetDateTime.now(clock), a == null ? 0 : a.lengthMillis(),
                            a == null ? 0 : a.citizen().speechMillis(), a == null ? 0 : a.agent().speechMillis(),
                            a == null ? null : finite(a.agentSharePercent()),
                            a == null ? null : finite(a.agent().syllablesPerSecond()), outcome, note)
                    .update();
            flags.replace(callId, kinds, found);
        });
        return new Outcome(callId, outcome, found.size());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}
