package org.openhotline.knowledge.internal.assistant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openhotline.shared.Callers;
import org.openhotline.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge/assistant")
@Tag(name = "智能问答助手", description = "从已发布知识中摘取答案段落（不生成文字）")
class AssistantController {

    private final AnswerAssistant assistant;
    private final AssistantFeedback feedback;

    AssistantController(AnswerAssistant assistant, AssistantFeedback feedback) {
        this.assistant = assistant;
        this.feedback = feedback;
    }

    record Ask(@Size(max = 500, message = "问题不超过 500 个字") String question, Integer limit) {}

    @PostMapping
    @PreAuthorize("hasAuthority('knowledge:read')")
    @Operation(summary = "输入问题，返回最佳答案段落、出处和置信度")
    AnswerAssistant.Reply ask(@Valid @RequestBody Ask body) {
        return assistant.ask(Callers.required(), body.question(), body.limit() == null ? 3 : body.limit());
    }

    record Verdict(@NotBlank(message = "请填写问题") @Size(max = 500, message = "问题不超过 500 个字") String question,
                   @NotNull(message = "请选择回答是否有帮助") Boolean helpful) {}

    @PostMapping("/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('knowledge:read')")
    @Operation(summary = "评价助手的回答是否有帮助（与助手自己的判断一并记录）")
    AssistantFeedback.Entry feedback(@Valid @RequestBody Verdict body) {
        return feedback.give(Callers.required(), body.question(), body.helpful());
    }

    @GetMapping("/feedback/summary")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "近 N 天助手回答的评价：作答且有帮助、作答但没帮助、未作答但参考段落有帮助、未作答且确无答案")
    AssistantFeedback.Summary summary(@RequestParam(defaultValue = "30") int days) {
        return feedback.summary(Math.clamp(days, 1, 366));
    }

    @GetMapping("/feedback")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "助手回答的评价明细（新的在前；可按是否作答、是否有帮助筛选）")
    PageResult<AssistantFeedback.Entry> list(@RequestParam(required = false) Boolean answered,
                                             @RequestParam(required = false) Boolean helpful,
                                             @RequestParam(defaultValue = "1") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return feedback.list(answered, helpful, Math.max(page, 1), PageResult.clampSize(size));
    }
}
