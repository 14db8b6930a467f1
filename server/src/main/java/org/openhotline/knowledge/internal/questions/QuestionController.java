package org.openhotline.knowledge.internal.questions;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.openhotline.shared.Callers;
import org.openhotline.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 知识提问: ask a unit, the unit's inbox and answer, the editor's conversion into an article. Only staff who read the
 * knowledge base (knowledge:read) come here at all: the three admins and the city leader hold no knowledge power and
 * must not read what agents ask units, however high their org node sits.
 */
@RestController
@PreAuthorize("hasAuthority('knowledge:read')")
@RequestMapping("/api/knowledge/questions")
@Tag(name = "知识提问", description = "坐席提问、成员单位答复、转为知识")
class QuestionController {

    private final Questions questions;
    private final Clock clock;

    QuestionController(Questions questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    record Ask(@Size(max = 300, message = "问题不超过 300 个字") String question,
               @Size(max = 2000, message = "补充说明不超过 2000 个字") String detail, Long unitId) {}

    record Answer(@Size(max = 5000, message = "答复不超过 5000 个字") String answer) {}

    record Convert(long categoryId) {}

    record View(Question question, boolean overdue) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提问（不指定单位时按职责自动匹配）")
    View ask(@Valid @RequestBody Ask body) {
        return view(questions.ask(Callers.required(), body.question(), body.detail(), body.unitId()));
    }

    @GetMapping
    @Operation(summary = "问题列表：box=inbox 本单位待答、mine 我提的、all 全部（采编）")
    PageResult<View> list(@RequestParam(defaultValue = "mine") String box,
                          @RequestParam(required = false) Question.State state,
                          @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        var p = questions.list(Callers.required(), box, state, Math.max(page, 1), PageResult.clampSize(size));
        return new PageResult<>(p.items().stream().map(this::view).toList(), p.total(), p.page(), p.size());
    }

    @GetMapping("/{id}")
    View get(@PathVariable long id) {
        var caller = Callers.required();
        var q = questions.get(id);
        if (!q.askedBy().equals(caller.username()) && !(caller.sees(q.unitPath()) && caller.can("workorder:handle"))
                && !caller.can("knowledge:edit")) {
            throw org.openhotline.shared.DomainException.notFound("问题不存在");
        }
        return view(q);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "单位答复")
    View answer(@PathVariable long id, @Valid @RequestBody Answer body) {
        return view(questions.answer(Callers.required(), id, body.answer()));
    }

    @PostMapping("/{id}/to-article")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "把答复转为知识草稿")
    View toArticle(@PathVariable long id, @RequestBody Convert body) {
        return view(questions.toArticle(Callers.required(), id, body.categoryId()));
    }

    private View view(Question q) {
        return new View(q, q.overdue(OffsetDateTime.now(clock)));
    }
}
