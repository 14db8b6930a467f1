package org.openhotline.knowledge.internal.articles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 在线修订: editing a published article while it stays live. The revision is saved, submitted and reviewed on its
 * own; on approval it replaces the live text (the versions and their diff keep both).
 */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识库", description = "知识的查阅与采编")
class RevisionController {

    private final ArticleEditing editing;
    private final ArticleReading reading;
    private final Revisions revisions;

    RevisionController(ArticleEditing editing, ArticleReading reading, Revisions revisions) {
        this.editing = editing;
        this.reading = reading;
        this.revisions = revisions;
    }

    @GetMapping("/articles/{id}/revision")
    @Operation(summary = "已发布知识的修订稿（没有时 404）")
    Revision get(@PathVariable long id) {
        reading.staffOfColumn(Callers.required(), id);
        return revisions.get(id);
    }

    /** {@code version}: the revision's, absent on the first save. */
    @PutMapping("/articles/{id}/revision")
    @Operation(summary = "在线修订已发布的知识（原文继续有效，修订稿审核通过后替换）")
    Revision save(@PathVariable long id, @Valid @RequestBody ArticleController.ArticleForm form) {
        return editing.revise(Callers.required(), id, form.version(), form.content(), form.note());
    }

    @PostMapping("/articles/{id}/revision/submit")
    @Operation(summary = "修订稿提交审核（无需审核的栏目直接替换原文）")
    Revision submit(@PathVariable long id) {
        return editing.submitRevision(Callers.required(), id);
    }

    @PostMapping("/articles/{id}/revision/approve")
    @Operation(summary = "修订稿审核通过，替换原文")
    Article approve(@PathVariable long id, @Valid @RequestBody(required = false) ReviewController.Comment body) {
        return editing.approveRevision(Callers.required(), id, body == null ? null : body.comment());
    }

    @PostMapping("/articles/{id}/revision/reject")
    @Operation(summary = "修订稿退回（原文不变）")
    Revision reject(@PathVariable long id, @Valid @RequestBody ReviewController.Comment body) {
        if (body == null) {
            throw DomainException.invalid("退回时请填写退回意见");
        }
        return editing.rejectRevision(Callers.required(), id, body.comment());
    }

    @DeleteMapping("/articles/{id}/revision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "放弃修订稿")
    void discard(@PathVariable long id) {
        editing.discardRevision(Callers.required(), id);
    }

    @GetMapping("/review-queue/revisions")
    @Operation(summary = "待审核的修订稿（原文在线）")
    List<Revision> queue() {
        return reading.pendingRevisions(Callers.required());
    }
}
