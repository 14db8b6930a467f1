package org.openhotline.quality.internal.machine.text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.callcenter.RecordedCalls;
import org.openhotline.quality.internal.machine.MachineInspection;
import org.openhotline.quality.internal.machine.text.Transcript.Speaker;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transcript API: an external ASR engine (the city's speech platform, logged in as an account with
 * {@code qc:inspect}) delivers what was said in a call, with each utterance's speaker and times and optionally each
 * word's; the text rules run on it at once.
 */
@RestController
@RequestMapping("/api/quality/machine/calls/{callId}/transcript")
@Tag(name = "智能质检")
class TranscriptController {

    static final long MAX_MS = 24L * 3600 * 1000;
    private final Transcripts transcripts;
    private final MachineInspection inspection;
    private final RecordedCalls calls;

    TranscriptController(Transcripts transcripts, MachineInspection inspection, RecordedCalls calls) {
        this.transcripts = transcripts;
        this.inspection = inspection;
        this.calls = calls;
    }

    record WordForm(@NotBlank(message = "词不能为空") @Size(max = 50, message = "一个词不超过 50 个字") String text,
                    @Min(value = 0, message = "时间不能为负") @Max(value = MAX_MS, message = "时间超出范围") long startMs,
                    @Min(value = 0, message = "时间不能为负") @Max(value = MAX_MS, message = "时间超出范围") long endMs) {}

    record UtteranceForm(@NotNull(message = "请注明说话人")
                         @Pattern(regexp = "CITIZEN|AGENT", message = "说话人应为 CITIZEN（市民）或 AGENT（坐席）")
                         String speaker,
                         @Min(value = 0, message = "时间不能为负") @Max(value = MAX_MS, message = "时间超出范围") long startMs,
                         @Min(value = 0, message = "时间不能为负") @Max(value = MAX_MS, message = "时间超出范围") long endMs,
                         @NotNull(message = "请填写识别文本") @Size(max = 2000, message = "一句话不超过 2000 个字") String text,
                         @Size(max = 500, message = "一句话不超过 500 个词") List<@Valid WordForm> words) {}

    record TranscriptForm(@NotBlank(message = "请填写识别引擎名称") @Size(max = 50, message = "引擎名称不超过 50 个字") String engine,
                          @NotEmpty(message = "转写内容为空")
                          @Size(max = 5000, message = "一通电话不超过 5000 句") List<@Valid UtteranceForm> utterances) {}

    record Received(String callId, int utterances, int textFlags) {}

    @PutMapping
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "外部语音识别提交一通电话的转写（说话人、起止毫秒、文本、可选逐词时间），随即执行文本质检规则")
    Received put(@PathVariable String callId, @Valid @RequestBody TranscriptForm form) {
        if (calls.find(callId).isEmpty()) {
            throw DomainException.notFound("没有这通电话：" + callId);
        }
        List<Transcript.Utterance> utterances = form.utterances().stream().map(u -> {
            if (u.endMs() < u.startMs()) {
                throw DomainException.badRequest("一句话的结束时间早于开始时间（" + u.startMs() + " 毫秒处）");
            }
            List<Transcript.Word> words = u.words() == null ? List.of() : u.words().stream()
                    .map(w -> new Transcript.Word(w.text(), w.startMs(), w.endMs())).toList();
            return new Transcript.Utterance(Speaker.valueOf(u.speaker()), u.startMs(), u.endMs(), u.text(), words);
        }).sorted(java.util.Comparator.comparingLong(Transcript.Utterance::startMs)).toList();
        Transcript t = new Transcript(form.engine(), utterances);
        transcripts.save(callId, t, Callers.required().username());
        int flags = inspection.reviewText(callId, t);
        return new Received(callId, utterances.size(), flags);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "一通电话的转写")
    Transcript get(@PathVariable String callId) {
        return transcripts.find(callId).orElseThrow(() -> DomainException.notFound("这通电话没有转写"));
    }
}
