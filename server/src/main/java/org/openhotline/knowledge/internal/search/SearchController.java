package org.openhotline.knowledge.internal.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.usage.Usage;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding knowledge: the search box, the hot and latest lists, searches that found nothing, the index itself. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识检索", description = "全文检索、热度排行、查无信息")
class SearchController {

    private final KnowledgeSearch search;
    private final Usage usage;
    private final Categories categories;
    private final Misses misses;
    private final KnowledgeIndex index;

    SearchController(KnowledgeSearch search, Usage usage, Categories categories, Misses misses, KnowledgeIndex index) {
        this.search = search;
        this.usage = usage;
        this.categories = categories;
        this.misses = misses;
        this.index = index;
    }

    @GetMapping("/search")
    @Operation(summary = "检索知识（分词 + 二元切分，同义词，关键词高亮；同时检索部门黄页）")
    KnowledgeSearch.Answer search(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) Long categoryId,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(required = false) Article.State state,
                                  @RequestParam(defaultValue = "false") boolean includeExpired,
                                  @RequestParam(defaultValue = "relevance") String sort,
                                  @RequestParam(defaultValue = "1") int page,
                                  @RequestParam(defaultValue = "10") int size) {
        KnowledgeSearch.checkQuery(q);
        if (region != null && region.length() > 100) {
            throw DomainException.badRequest("区域不超过 100 个字");
        }
        return search.search(Callers.required(), new KnowledgeSearch.Request(q, categoryId, region, state,
                includeExpired, "latest".equals(sort), Math.clamp(page, 1, 100), Math.clamp(size, 1, 50)));
    }

    @GetMapping("/hot")
    @Operation(summary = "热度排行（浏览 + 3 × 引用；按日、周、月）")
    List<Usage.Hot> hot(@RequestParam(defaultValue = "WEEK") Usage.Period period,
                        @RequestParam(defaultValue = "10") int limit) {
        return usage.hot(period, categories.readableIds(Callers.required()), Math.clamp(limit, 1, 50));
    }

    @GetMapping("/misses")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "查无信息的检索词（待处理 / 已处理）")
    PageResult<Misses.Miss> misses(@RequestParam(defaultValue = "false") boolean handled,
                                   @RequestParam(defaultValue = "1") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return misses.list(handled, Math.max(page, 1), PageResult.clampSize(size));
    }

    record Handling(Long articleId, @Size(max = 500, message = "处理说明不超过 500 个字") String note) {}

    @PostMapping("/misses/{id}/handle")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "处理查无信息（关联新知识或说明）")
    void handle(@PathVariable long id, @Valid @RequestBody Handling body) {
        misses.handle(id, body.articleId(), body.note(), Callers.required().username());
    }

    record IndexStatus(int documents, String folder, KnowledgeIndex.Duration lastRebuild) {}

    @GetMapping("/index")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    IndexStatus status() {
        return new IndexStatus(index.size(), index.folder().toString(), index.lastRebuild());
    }

    @PostMapping("/index/rebuild")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "从数据库重建检索索引")
    KnowledgeIndex.Duration rebuild() {
        return index.rebuild();
    }
}
