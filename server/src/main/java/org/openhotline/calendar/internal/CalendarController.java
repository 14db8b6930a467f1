package org.openhotline.calendar.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: years with their working hours, holidays and make-up working days, and a preview. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历", description = "节假日、调休、工作时间与期限计算")
class CalendarController {

    private final CalendarDays days;
    private final BusinessCalendar calendar;

    CalendarController(CalendarDays days, BusinessCalendar calendar) {
        this.days = days;
        this.calendar = calendar;
    }

    @GetMapping("/years")
    @Operation(summary = "已配置的年份（含工作时间、节假日与调休天数）")
    List<CalendarDays.Year> years() {
        return days.years();
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "设置某年的工作时间与依据")
    List<CalendarDays.Year> saveYear(@PathVariable int year, @Valid @RequestBody YearForm form) {
        days.saveYear(checkedYear(year), form.workStart(), form.workEnd(), form.source());
        return days.years();
    }

    @GetMapping("/years/{year}/days")
    @Operation(summary = "某年的节假日与调休上班日")
    List<CalendarDays.Day> days(@PathVariable int year) {
        return days.days(checkedYear(year));
    }

    @PutMapping("/days/{day}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "设置某天为节假日（HOLIDAY）或调休上班日（WORKDAY）")
    CalendarDays.Day saveDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                             @Valid @RequestBody DayForm form) {
        checkedYear(day.getYear());
        days.saveDay(day, form.kind(), form.name());
        return new CalendarDays.Day(day, form.kind(), form.name());
    }

    @DeleteMapping("/days/{day}")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "取消某天的设置（恢复为周一至周五上班）")
    void removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        days.removeDay(day);
    }

    @GetMapping("/deadline")
    @Operation(summary = "期限试算：从某时刻起若干分钟/小时/自然日/工作日")
    Deadline deadline(@RequestParam Instant start, @RequestParam int amount, @RequestParam LimitUnit unit) {
        if (amount < 1 || amount > 3650) {
            throw org.openhotline.shared.DomainException.invalid("时长应在 1 到 3650 之间");
        }
        return calendar.deadline(start, TimeLimit.of(amount, unit));
    }

    private static int checkedYear(int year) {
        if (year < 2000 || year > 2100) {
            throw org.openhotline.shared.DomainException.invalid("年份应在 2000 到 2100 之间");
        }
        return year;
    }

    record YearForm(@NotNull(message = "请填写上班时间") LocalTime workStart,
                    @NotNull(message = "请填写下班时间") LocalTime workEnd,
                    @Size(max = 300, message = "依据最长 300 个字") String source) {}

    record DayForm(@NotNull(message = "请选择类型") @Pattern(regexp = "HOLIDAY|WORKDAY", message = "类型只能是节假日或调休上班") String kind,
                   @NotBlank(message = "请填写名称，如“春节”") @Size(max = 50, message = "名称最长 50 个字") String name) {}
}
