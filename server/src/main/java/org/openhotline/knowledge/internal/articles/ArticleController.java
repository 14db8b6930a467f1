package org.openhotline.knowledge.internal.articles;

import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.LocalDate;
import org.openhotline.knowledge.internal.files.Attachments;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Articles: list, read, write, attachments. Column rights are checked by the use cases. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识库", description = "知识的查阅与采编")
class ArticleController {

    private final ArticleReading reading;
    private final ArticleEditing editing;
    private final Attachments attachments;

    ArticleController(ArticleReading reading, ArticleEditing editing, Attachments attachments) {
        this.reading = reading;
        this.editing = editing;
        this.attachments = attachments;
    }

    /** Lengths are checked before anything is parsed or sanitised: a 30 MB body once cost half a gigabyte of heap. */
    record ArticleForm(@NotNull(message = "请选择栏目") Long categoryId,
                       @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题不超过 200 个字") String title,
                       @NotBlank(message = "请填写正文")
                       @Size(max = ArticleEditing.MAX_BODY_HTML, message = "正文过长（含格式不超过 40 万个字符），请拆成几篇知识")
                       String bodyHtml,
                       @Size(max = 500, message = "关键词不超过 500 个字符") String keywords,
                       @Size(max = 500, message = "适用区域不超过 500 个字符") String regions,
                       @Size(max = 500, message = "政策依据不超过 500 个字符") String sourcePolicy,
                       LocalDate effectiveFrom, LocalDate expiresOn, Integer version,
                       @Size(max = 200, message = "修改说明不超过 200 个字") String note) {
        ArticleEditing.Content content() {
            return new ArticleEditing.Content(categoryId, title, bodyHtml, keywords, regions, sourcePolicy,
                    effectiveFrom, expiresOn);
        }
    }

    @GetMapping("/articles")
    @Operation(summary = "知识列表（按栏目、状态、标题）")
    PageResult<Article> list(@RequestParam(required = false) Long categoryId,
                             @RequestParam(required = false) Article.State state,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        KnowledgeSearch.checkQuery(q);
        return reading.list(Callers.required(), categoryId, state, q, Math.max(page, 1), PageResult.clampSize(size));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "查看知识（计入浏览热度）")
    ArticleReading.Detail get(@PathVariable long id, @RequestParam(defaultValue = "true") boolean countView) {
        return reading.read(Callers.required(), id, countView);
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建知识（草稿）")
    Article create(@Valid @RequestBody ArticleForm form) {
        return editing.create(Callers.required(), form.content());
    }

    @PutMapping("/articles/{id}")
    @Operation(summary = "修改知识（保存新版本）")
    Article update(@PathVariable long id, @Valid @RequestBody ArticleForm form) {
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号，请刷新后重试");
        }
        return editing.update(Callers.required(), id, form.version(), form.content(), form.note());
    }

    @PostMapping(value = "/articles/{id}/attachments", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件（pdf、Office 文档、txt、图片、mp3/wav、zip，按扩展名和文件内容检查，不超过 20 MB）")
    Attachments.Info attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        var caller = Callers.required();
        var article = reading.visible(caller, id);
        editing.writable(caller, article.categoryId());
        return attachments.add(id, file.getOriginalFilename(), file.getBytes(),
                caller.username());
    }

    @DeleteMapping("/articles/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@PathVariable long id, @PathVariable long attachmentId) {
        var caller = Callers.required();
        editing.writable(caller, reading.visible(caller, id).categoryId());
        attachments.delete(id, attachmentId);
    }

    @GetMapping("/attachments/{attachmentId}")
    @Operation(summary = "下载附件")
    ResponseEntity<byte[]> download(@PathVariable long attachmentId) {
        var file = attachments.get(attachmentId);
        reading.visible(Callers.required(), file.articleId());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.data());
    }
}
