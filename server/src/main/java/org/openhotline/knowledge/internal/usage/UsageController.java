package org.openhotline.knowledge.internal.usage;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.knowledge.KnowledgeBase;
import org.openhotline.knowledge.internal.articles.ArticleReading;
import org.openhotline.shared.Callers;
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

/** Using knowledge: citing an article in a work order, personal favourites and notes. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识应用", description = "工单答复引用、个人知识库")
class UsageController {

    private final KnowledgeBase knowledge;
    private final Citations citations;
    private final Favourites favourites;
    private final ArticleReading reading;

    UsageController(KnowledgeBase knowledge, Citations citations, Favourites favourites, ArticleReading reading) {
        this.knowledge = knowledge;
        this.citations = citations;
        this.favourites = favourites;
        this.reading = reading;
    }

    record CiteRequest(KnowledgeBase.CitationContext context,
                       @Size(max = 60, message = "引用来源编号不超过 60 个字符") String ref) {}

    @PostMapping("/articles/{id}/citations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "引用知识答复工单（返回答复文本，计入引用次数）")
    KnowledgeBase.Citation cite(@PathVariable long id, @Valid @RequestBody(required = false) CiteRequest body) {
        var context = body == null || body.context() == null ? KnowledgeBase.CitationContext.OTHER : body.context();
        return knowledge.cite(Callers.required(), id, context, body == null ? null : body.ref());
    }

    @GetMapping("/articles/{id}/citations")
    List<Citations.Cited> citations(@PathVariable long id) {
        reading.visible(Callers.required(), id);
        return citations.of(id);
    }

    record Note(@Size(max = 2000, message = "个人笔记不超过 2000 个字") String note) {}

    @PutMapping("/articles/{id}/favourite")
    @Operation(summary = "收藏到个人知识库（可附个人笔记）")
    void keep(@PathVariable long id, @Valid @RequestBody(required = false) Note body) {
        var caller = Callers.required();
        reading.visible(caller, id);
        favourites.keep(caller.accountId(), id, body == null ? "" : body.note());
    }

    @DeleteMapping("/articles/{id}/favourite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void drop(@PathVariable long id) {
        favourites.drop(Callers.required().accountId(), id);
    }

    @GetMapping("/favourites")
    @Operation(summary = "我的收藏与笔记")
    List<Favourites.Favourite> mine() {
        return favourites.list(Callers.required().accountId());
    }
}
