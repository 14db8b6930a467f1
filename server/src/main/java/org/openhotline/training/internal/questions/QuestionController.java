package org.openhotline.training.internal.questions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.MenuEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 题库: questions listed, written one by one or imported from Excel, retired. */
@RestController
@RequestMapping("/api/training/questions")
@Tag(name = "培训考试")
class QuestionController implements MenuEntry.Contribution {

    private final Questions questions;
    private final QuestionSheets sheets;

    QuestionController(Questions questions, QuestionSheets sheets) {
        this.questions = questions;
        this.sheets = sheets;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("培训考试", "training-manage", "培训考试管理", "/training/manage", "training:manage", 450),
                new MenuEntry("培训考试", "training-my", "我的培训与考试", "/training/my", null, 451));
    }

    record QuestionForm(@NotNull(message = "请填写分类") @Size(max = 40, message = "分类不超过 40 个字") String category,
                        Integer difficulty, @NotNull(message = "请选择题型") QuestionKind kind,
                        @NotNull(message = "请填写题干") @Size(max = 2000, message = "题干不超过 2000 个字") String stem,
                        @Size(max = 8, message = "最多 8 个选项") List<@Size(max = 500, message = "选项不超过 500 个字") String> options,
                        @NotNull(message = "请填写答案") @Size(max = 1000, message = "答案不超过 1000 个字") String answer,
                        @Size(max = 2000, message = "解析不超过 2000 个字") String analysis) {}

    @GetMapping
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "题目列表（按分类、题型筛选）")
    List<Question> list(@RequestParam(required = false) String category, @RequestParam(required = false) String kind) {
        return questions.list(category, kind, 500);
    }

    @GetMapping("/categories")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "题目分类")
    List<String> categories() {
        return questions.categories();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "新增题目")
    Map<String, Long> add(@Valid @RequestBody QuestionForm f) {
        return Map.of("id", questions.add(new Question(0, f.category(), f.difficulty() == null ? 2 : f.difficulty(), f.kind(),
                f.stem(), f.options() == null ? List.of() : f.options(), f.answer(), f.analysis())));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "停用题目（已考过的试卷仍保留）")
    void retire(@PathVariable long id) {
        if (!questions.retire(id)) {
            throw DomainException.notFound("题目不存在");
        }
    }

    @GetMapping("/import-template")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "题库导入模板（Excel）")
    ResponseEntity<byte[]> template() {
        return ExcelSheets.download("题库导入模板.xlsx", sheets.template());
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "从 Excel 导入题目；有错误的行时整表不导入，并列出每行的问题")
    QuestionSheets.Result importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return sheets.importSheet(ExcelSheets.read(in));
        }
    }
}
