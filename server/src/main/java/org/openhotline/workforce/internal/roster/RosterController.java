package org.openhotline.workforce.internal.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.MenuEntry;
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

/** 排班: generate, read, edit and publish a month's roster; shift templates; agents' rostering profiles; my shifts. */
@RestController
@RequestMapping("/api/workforce")
@Tag(name = "排班")
class RosterController implements MenuEntry.Contribution {

    private final Rosters rosters;
    private final RosterBook book;
    private final org.openhotline.workforce.internal.forecast.CallForecasts forecasts;

    private final org.openhotline.workforce.internal.TeamScope scope;
    private final RosterJobs jobs;

    RosterController(Rosters rosters, RosterBook book, org.openhotline.workforce.internal.forecast.CallForecasts forecasts,
                     org.openhotline.workforce.internal.TeamScope scope, RosterJobs jobs) {
        this.scope = scope;
        this.jobs = jobs;
        this.rosters = rosters;
        this.book = book;
        this.forecasts = forecasts;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("排班管理", "workforce-forecast", "话务预测与人力测算", "/workforce/forecast", "workforce:manage", 400),
                new MenuEntry("排班管理", "workforce-rosters", "排班表", "/workforce/rosters", "workforce:manage", 401),
                // the manager (workforce:manage) and team leaders (call:monitor) share these two screens
                new MenuEntry("排班管理", "workforce-requests", "请假与换班审批", "/workforce/requests", "workforce:manage", 402),
                new MenuEntry("排班管理", "workforce-adherence", "现场管理", "/workforce/adherence", "workforce:manage", 403),
                new MenuEntry("排班管理", "workforce-requests-leader", "请假与换班审批", "/workforce/requests", "call:monitor", 405),
                new MenuEntry("排班管理", "workforce-adherence-leader", "现场管理", "/workforce/adherence", "call:monitor", 406),
                new MenuEntry("排班管理", "workforce-my", "我的班表", "/workforce/my", "call:agent", 404));
    }

    record GenerateForm(@NotNull(message = "请选择月份") @Pattern(regexp = "\\d{4}-\\d{2}", message = "月份格式为 yyyy-MM") String month) {}

    @PostMapping("/rosters")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "按预测与规则自动生成一个月的排班（Timefold 求解，在本请求内完成；界面用 roster-jobs 在后台运行），结果为草稿")
    Map<String, Long> generate(@Valid @RequestBody GenerateForm form) {
        return Map.of("id", rosters.generate(checkedMonth(form), Callers.required().accountId()));
    }

    private LocalDate checkedMonth(GenerateForm form) {
        LocalDate month;
        try {
            month = LocalDate.parse(form.month() + "-01");
        } catch (java.time.format.DateTimeParseException e) {
            throw org.openhotline.shared.DomainException.badRequest("月份无效");
        }
        LocalDate today = forecasts.today();
        if (month.isBefore(today.minusMonths(13)) || month.isAfter(today.plusYears(6))) {
            throw org.openhotline.shared.DomainException.invalid("只能为近一年到未来六年内的月份排班");
        }
        return month;
    }

    @PostMapping("/roster-jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "在后台自动排班（Timefold 求解）：返回任务，轮询其进度，完成后得到草稿排班表")
    RosterJobs.JobView startJob(@Valid @RequestBody GenerateForm form) {
        return jobs.start(checkedMonth(form), Callers.required().accountId());
    }

    @GetMapping("/roster-jobs/{id}")
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "自动排班任务的进度：已用时间与时限、当前最好得分、完成后的排班表")
    RosterJobs.JobView job(@PathVariable long id) {
        return jobs.get(id);
    }

    @PostMapping("/roster-jobs/{id}/cancel")
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "取消运行中的自动排班任务（不保存结果）")
    RosterJobs.JobView cancelJob(@PathVariable long id) {
        return jobs.cancel(id);
    }

    @GetMapping("/rosters")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "排班表列表")
    List<RosterBook.Roster> list() {
        return rosters.list();
    }

    @GetMapping("/rosters/{id}")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "排班表：每人每天的班次、每半小时需求/在岗/缺口、违反规则之处")
    Rosters.View view(@PathVariable long id) {
        return rosters.view(id);
    }

    record CellForm(@NotNull(message = "请选择坐席") Long accountId, @NotNull(message = "请选择日期") LocalDate day,
                    @Size(max = 10, message = "班次代码不超过 10 个字符") String shiftCode,
                    @NotNull(message = "缺少版本号") Integer version) {}

    @PutMapping("/rosters/{id}/cells")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "手工调整一格班次（校验排班规则与版本；班长只能调整本班组坐席）；shiftCode 为空表示休息")
    Rosters.View edit(@PathVariable long id, @Valid @RequestBody CellForm form) {
        scope.mustCover(Callers.required(), form.accountId()); // a team leader edits its own team's agents only
        String code = form.shiftCode() == null || form.shiftCode().isBlank() ? null : form.shiftCode();
        rosters.edit(id, form.accountId(), form.day(), code, form.version());
        return rosters.view(id);
    }

    record VersionForm(@NotNull(message = "缺少版本号") Integer version) {}

    @PostMapping("/rosters/{id}/publish")
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "发布排班表（同月已发布的旧版被取代）")
    Rosters.View publish(@PathVariable long id, @Valid @RequestBody VersionForm form) {
        rosters.publish(id, form.version(), Callers.required().accountId());
        return rosters.view(id);
    }

    @GetMapping("/shift-templates")
    @Operation(summary = "班次模板（早/中/晚/夜）")
    List<ShiftTemplate> templates() {
        return rosters.templates();
    }

    @GetMapping("/my-shifts")
    @Operation(summary = "我的已发布班次")
    List<Rosters.MyShift> myShifts(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate start = from == null ? forecasts.today().minusDays(1) : from;
        LocalDate end = to == null ? start.plusDays(40) : to;
        if (end.isBefore(start) || end.isAfter(start.plusDays(92))) {
            throw org.openhotline.shared.DomainException.badRequest("查询区间最长 93 天");
        }
        return rosters.shiftsOf(Callers.required().accountId(), start, end);
    }

    record ProfileForm(@NotNull(message = "请填写技能") @Size(max = 100, message = "技能不超过 100 个字符")
                       @Pattern(regexp = "[A-Z_]+(,[A-Z_]+)*", message = "技能用大写代码，以逗号分隔，如 MANDARIN,DIALECT") String skills,
                       @NotNull(message = "请填写周工时上限") @Min(value = 480, message = "周工时上限 8–60 小时")
                       @Max(value = 3600, message = "周工时上限 8–60 小时") Integer maxWeekMinutes,
                       @NotNull(message = "请填写月工时上限") @Min(value = 480, message = "月工时上限 8–250 小时")
                       @Max(value = 15000, message = "月工时上限 8–250 小时") Integer maxMonthMinutes,
                       boolean nightAllowed) {}

    @GetMapping("/agents")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "可排班坐席及其技能、工时上限、是否排夜班")
    List<RosterAgent> agents() {
        return rosters.agents();
    }

    @PutMapping("/agents/{accountId}")
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "设置坐席的排班档案（技能含方言 DIALECT、工时上限、夜班）")
    void saveProfile(@PathVariable long accountId, @Valid @RequestBody ProfileForm form) {
        if (rosters.agents().stream().noneMatch(a -> a.id() == accountId)) {
            throw org.openhotline.shared.DomainException.notFound("坐席不存在");
        }
        book.saveProfile(new RosterBook.Profile(accountId, form.skills(), form.maxWeekMinutes(), form.maxMonthMinutes(),
                form.nightAllowed()));
    }
}
