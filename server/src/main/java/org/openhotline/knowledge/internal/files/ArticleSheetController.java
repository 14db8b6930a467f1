package org.openhotline.knowledge.internal.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.ArticleReading;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import from Excel or Word, export a column to Excel. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识库", description = "知识的查阅与采编")
class ArticleSheetController {

    private final ArticleSheets sheets;
    private final ArticleReading reading;

    ArticleSheetController(ArticleSheets sheets, ArticleReading reading) {
        this.sheets = sheets;
        this.reading = reading;
    }

    @GetMapping("/import-template")
    @Operation(summary = "下载知识导入模板")
    ResponseEntity<byte[]> template() {
        return ExcelSheets.download("知识导入模板.xlsx", sheets.template());
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(summary = "从 Excel 导入知识草稿（任一行有误则全部不导入）")
    ArticleSheets.Result importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.badRequest("请选择要导入的 Excel 文件");
        }
        return sheets.importSheet(Callers.required(), ExcelSheets.read(file.getInputStream()));
    }

    @PostMapping(value = "/import-docx", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "从 Word（.docx）导入一篇知识草稿")
    Article importDocx(@RequestParam("file") MultipartFile file, @RequestParam long categoryId) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.badRequest("请选择要导入的 Word 文件");
        }
        return sheets.importDocx(Callers.required(), categoryId, file.getOriginalFilename(), file.getInputStream());
    }

    @GetMapping("/categories/{id}/export")
    @Operation(summary = "导出栏目下的知识（含下级栏目）")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return ExcelSheets.download("知识导出.xlsx", sheets.export(Callers.required(), id, reading));
    }
}
