package org.openhotline.knowledge.internal.articles;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review life of an article — submit, approve, reject, unpublish — and its versions with a diff. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识库", description = "知识的查阅与采编")
class ReviewController {

    private final ArticleEditing editing;
    private final ArticleReading reading;
    private final Articles articles;

    ReviewController(ArticleEditing editing, ArticleReading reading, Articles articles) {
        this.editing = editing;
        this.reading = reading;
        this.articles = articles;
    }

    record Comment(@Size(max = 500, message = "审核意见不超过 500 个字") String comment) {}

    @PostMapping("/articles/{id}/submit")
    @Operation(summary = "提交审核（无需审核的栏目直接发布）")
    Article submit(@PathVariable long id) {
        return editing.submit(Callers.required(), id);
    }

    @PostMapping("/articles/{id}/approve")
    @Operation(summary = "审核通过并发布（上架）")
    Article approve(@PathVariable long id, @Valid @RequestBody(required = false) Comment body) {
        return editing.approve(Callers.required(), id, body == null ? null : body.comment());
    }

    @PostMapping("/articles/{id}/reject")
    @Operation(summary = "审核退回")
    Article reject(@PathVariable long id, @Valid @RequestBody Comment body) {
        return editing.reject(Callers.required(), id, body.comment());
    }

    @PostMapping("/articles/{id}/unpublish")
    @Operation(summary = "下架")
    Article unpublish(@PathVariable long id, @Valid @RequestBody Comment body) {
        return editing.unpublish(Callers.required(), id, body.comment());
    }

    @GetMapping("/review-queue")
    @Operation(summary = "审核队列")
    PageResult<Article> queue(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return reading.reviewQueue(Callers.required(), Math.max(page, 1), PageResult.clampSize(size));
    }

    @GetMapping("/articles/{id}/versions")
    @Operation(summary = "历史版本")
    List<Articles.Version> versions(@PathVariable long id) {
        reading.visible(Callers.required(), id);
        return articles.versions(id);
    }

    record Diff(int from, int to, String titleBefore, String titleAfter, List<TextDiff.Line> lines) {}

    @GetMapping("/articles/{id}/diff")
    @Operation(summary = "两个版本的差异（按段落）")
    Diff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        reading.visible(Callers.required(), id);
        var versions = articles.versions(id);
        var a = versions.stream().filter(v -> v.revision() == from).findFirst()
                .orElseThrow(() -> DomainException.notFound("版本 " + from + " 不存在"));
        var b = versions.stream().filter(v -> v.revision() == to).findFirst()
                .orElseThrow(() -> DomainException.notFound("版本 " + to + " 不存在"));
        return new Diff(from, to, a.title(), b.title(), TextDiff.lines(a.bodyText(), b.bodyText()));
    }
}
