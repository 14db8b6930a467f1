package org.openhotline.training.internal.learning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 教材库、学习记录、热点培训通知、培训课程与出勤、培训指标. */
@RestController
@RequestMapping("/api/training")
@Tag(name = "培训考试")
class LearningController {

    private final Materials materials;
    private final Notices notices;
    private final TrainingSessions sessions;
    private final TrainingFigures figures;
    private final ZoneId zone;
    private final java.time.Clock clock;

    LearningController(Materials materials, Notices notices, TrainingSessions sessions, TrainingFigures figures,
                       java.time.Clock clock, @Value("${hotline.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.materials = materials;
        this.notices = notices;
        this.sessions = sessions;
        this.figures = figures;
        this.zone = ZoneId.of(zone);
    }

    record MaterialForm(@NotNull(message = "请填写标题") @Size(max = 200, message = "标题不超过 200 个字") String title,
                        @NotNull(message = "请选择类型") String kind, @Size(max = 1000, message = "地址不超过 1000 个字符") String url,
                        Long knowledgeArticleId, @Size(max = 40, message = "分类不超过 40 个字") String category) {}

    @PostMapping("/materials")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "新增教材（文档、视频、链接或知识库文章）")
    Map<String, Long> addMaterial(@Valid @RequestBody MaterialForm f) {
        return Map.of("id", materials.add(f.title(), f.kind(), f.url(), f.knowledgeArticleId(), f.category()));
    }

    @GetMapping("/materials")
    @Operation(summary = "教材库（含我的学习记录）")
    List<Materials.MyMaterial> listMaterials() {
        return materials.forAgent(Callers.required().accountId());
    }

    record LearnForm(int seconds, boolean completed) {}

    @PostMapping("/materials/{id}/learning")
    @Operation(summary = "记录学习时长与是否学完")
    void learn(@PathVariable long id, @RequestBody LearnForm f) {
        materials.learn(id, Callers.required().accountId(), f.seconds(), f.completed());
    }

    record NoticeForm(@NotNull(message = "请填写标题") @Size(max = 200, message = "标题不超过 200 个字") String title,
                      @NotNull(message = "请填写正文") @Size(max = 8000, message = "正文不超过 8000 个字") String body) {}

    @PostMapping("/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "发布热点培训通知（全体坐席须在 24 小时内阅读确认）")
    Map<String, Long> publish(@Valid @RequestBody NoticeForm f) {
        return Map.of("id", notices.publish(f.title(), f.body(), Callers.required().accountId()));
    }

    @GetMapping("/notices")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "热点培训通知列表")
    List<Notices.Notice> listNotices() {
        return notices.list();
    }

    @GetMapping("/notices/{id}/status")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "通知确认情况：已确认、按时确认人数与尚未确认的坐席")
    Notices.Status noticeStatus(@PathVariable long id) {
        return notices.status(id);
    }

    @GetMapping("/my-notices")
    @Operation(summary = "我的热点培训通知（近 30 天）")
    List<Notices.MyNotice> myNotices() {
        return notices.mine(Callers.required().accountId());
    }

    @PostMapping("/notices/{id}/read")
    @Operation(summary = "已阅读（confirm=true 为确认已学习）")
    void read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm) {
        notices.read(id, Callers.required().accountId(), confirm);
    }

    record SessionForm(@NotNull(message = "请填写课程名称") @Size(max = 200, message = "课程名称不超过 200 个字") String title,
                       @NotNull(message = "请选择开始时间") Instant startsAt, @NotNull(message = "请选择结束时间") Instant endsAt,
                       @Size(max = 100, message = "地点不超过 100 个字") String place,
                       @Size(max = 50, message = "讲师不超过 50 个字") String trainer) {}

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "新增培训课程")
    Map<String, Long> addSession(@Valid @RequestBody SessionForm f) {
        return Map.of("id", sessions.add(f.title(), f.startsAt(), f.endsAt(), f.place(), f.trainer()));
    }

    @GetMapping("/sessions")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "培训课程与出勤人数")
    List<TrainingSessions.Session> listSessions() {
        return sessions.list();
    }

    record AttendanceForm(@NotNull(message = "缺少出勤记录") @Size(max = 1000, message = "一次最多 1000 人") Map<Long, String> statuses) {}

    @GetMapping("/sessions/{id}/attendance")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "课程点名册：全体坐席及已登记的出勤")
    List<TrainingSessions.RollEntry> roll(@PathVariable long id) {
        return sessions.roll(id);
    }

    @PutMapping("/sessions/{id}/attendance")
    @PreAuthorize("hasAuthority('training:manage')")
    @Operation(summary = "登记出勤（PRESENT 出勤、LATE 迟到、ABSENT 缺勤）")
    void attendance(@PathVariable long id, @Valid @RequestBody AttendanceForm f) {
        sessions.attendance(id, f.statuses());
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyAuthority('training:manage', 'report:read')")
    @Operation(summary = "月度考试合格率与培训覆盖率（目标均为 95%）")
    TrainingFigures.Month monthFigures(@RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(clock.withZone(zone)) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.badRequest("月份格式为 yyyy-MM");
        }
        return figures.of(m, zone);
    }
}
