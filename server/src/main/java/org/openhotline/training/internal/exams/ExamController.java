package org.openhotline.training.internal.exams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 试卷、考试、答题、阅卷与成绩. Managers hold training:manage; every logged-in staff member sits its own exams. */
@RestController
@RequestMapping("/api/training")
@Tag(name = "培训考试")
class ExamController {

    private final Papers papers;
    private final Exams exams;
    private final Sittings sittings;
    private final Grading grading;

    ExamController(Papers papers, Exams exams, Sittings sittings, Grading grading) {
        this.papers = papers;
        this.exams = exams;
        this.sittings = sittings;
        this.grading = grading;
    }

    record PaperForm(@NotNull(message = "请填写试卷名称") @Size(max = 100, message = "试卷名称不超过 100 个字") String name,
                     @NotNull(message = "请选择组卷方式") String mode, @NotNull(message = "请填写考试时长") Integer minutes,
                     @NotNull(message = "请填写及格分") Integer passScore,
                     @Size(max = 200, message = "一张试卷最多 200 道题") List<Papers.Item> items,
                     @Size(max = 20, message = "最多 20 条抽题规则") List<PaperRule> rules) {}

    @PostMapping("/papers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "组卷：固定试题（FIXED）或按规则随机抽题（RULES）")
    Map<String, Long> createPaper(@Valid @RequestBody PaperForm f) {
        return Map.of("id", papers.create(f.name(), f.mode(), f.minutes(), f.passScore(), f.items(), f.rules(),
                Callers.required().accountId()));
    }

    @GetMapping("/papers")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "试卷列表")
    List<Papers.Paper> listPapers() {
        return papers.list();
    }

    record ExamForm(@NotNull(message = "请选择试卷") Long paperId,
                    @NotNull(message = "请填写考试名称") @Size(max = 100, message = "考试名称不超过 100 个字") String name,
                    @NotNull(message = "请选择开始时间") Instant opensAt, @NotNull(message = "请选择结束时间") Instant closesAt) {}

    @PostMapping("/exams")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "发布考试（开放时段内每人限考一次）")
    Map<String, Long> createExam(@Valid @RequestBody ExamForm f) {
        return Map.of("id", exams.create(f.paperId(), f.name(), f.opensAt(), f.closesAt(), Callers.required().accountId()));
    }

    @GetMapping("/exams")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "考试列表")
    List<Exams.Exam> listExams() {
        return exams.list();
    }

    @GetMapping("/exams/{id}/results")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "考试成绩")
    List<Grading.Result> results(@PathVariable long id) {
        return grading.results(id);
    }

    @GetMapping("/my-exams")
    @Operation(summary = "我的考试（开放中与近 90 天考过的）")
    List<Exams.MyExam> myExams() {
        return exams.mine(Callers.required().accountId());
    }

    @PostMapping("/exams/{id}/sittings")
    @Operation(summary = "开始考试（再次调用返回同一场答卷）")
    Map<String, Long> start(@PathVariable long id) {
        return Map.of("id", sittings.start(id, Callers.required().accountId()));
    }

    @GetMapping("/sittings/{id}")
    @Operation(summary = "我的答卷（超时自动交卷；阅卷后显示得分）")
    Sittings.Sheet sheet(@PathVariable long id) {
        var me = Callers.required();
        return sittings.sheet(id, me.accountId(), false);
    }

    @GetMapping("/sittings/{id}/review")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "阅卷查看答卷")
    Sittings.Sheet review(@PathVariable long id) {
        return sittings.sheet(id, 0, true);
    }

    record AnswersForm(@NotNull(message = "缺少答案") @Size(max = 200, message = "答案过多") Map<Long, String> answers) {}

    @PutMapping("/sittings/{id}/answers")
    @Operation(summary = "保存答案（时间到则自动交卷并返回 409）")
    void save(@PathVariable long id, @Valid @RequestBody AnswersForm f) {
        sittings.save(id, Callers.required().accountId(), f.answers());
    }

    @PostMapping("/sittings/{id}/submit")
    @Operation(summary = "交卷：客观题自动判分，含简答题的等待人工阅卷")
    Sittings.Sheet submit(@PathVariable long id) {
        long me = Callers.required().accountId();
        sittings.submit(id, me);
        return sittings.sheet(id, me, false);
    }

    @GetMapping("/grading")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "待人工阅卷的简答题")
    List<Grading.Waiting> waiting() {
        return grading.waiting();
    }

    record GradeForm(@NotNull(message = "请填写得分") Double points, @Size(max = 500, message = "评语不超过 500 个字") String comment) {}

    @PutMapping("/sittings/{id}/questions/{questionId}/grade")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "人工评分一道简答题")
    void grade(@PathVariable long id, @PathVariable long questionId, @Valid @RequestBody GradeForm f) {
        grading.grade(id, questionId, f.points(), f.comment(), Callers.required().accountId());
    }
}
