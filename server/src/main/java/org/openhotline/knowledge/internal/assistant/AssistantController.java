package org.openhotline.knowledge.internal.assistant;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge/assistant")
@Tag(name = "智能问答助手", description = "从已发布知识中摘取答案段落（不生成文字）")
class AssistantController {

    private final AnswerAssistant assistant;

    AssistantController(AnswerAssistant assistant) {
        this.assistant = assistant;
    }

    record Ask(@Size(max = 500, message = "问题不超过 500 个字") String question, Integer limit) {}

    @PostMapping
    @PreAuthorize("hasAuthority('knowledge:read')")
    @Operation(summary = "输入问题，返回最佳答案段落、出处和置信度")
    AnswerAssistant.Reply ask(@Valid @RequestBody Ask body) {
        return assistant.ask(Callers.required(), body.question(), body.limit() == null ? 3 : body.limit());
    }
}
