package org.openhotline.reporting.internal.hottopics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhotline.reporting.internal.api.ReportScope;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 热点诉求: rising categories and words of a day, and the orders behind each, in the caller's data scope. */
@RestController
@RequestMapping("/api/reports/hot-topics")
@Tag(name = "热点诉求", description = "与前四个相同星期几相比上升的诉求分类和词语")
class HotTopicsController {

    private final HotTopics topics;
    private final ReportScope scope;
    private final Clock clock;

    HotTopicsController(HotTopics topics, ReportScope scope, Clock clock) {
        this.topics = topics;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "某日（day，默认今天）的热点：分类与词语，今日数、前四周同日数、均值、标准差、上升分 (今日−均值)/max(标准差,1)")
    HotTopics.Report report(@RequestParam(required = false) String day, @RequestParam(required = false) Long org) {
        KpiFilter f = scope.filter(Callers.required(), day, day, org, null);
        return topics.report(day(f), f.scopePath());
    }

    @GetMapping("/orders")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "热点背后的工单：category 分类编号（none 为未分类）或 word 词语")
    List<HotTopics.OrderRow> orders(@RequestParam(required = false) String day, @RequestParam(required = false) Long org,
                                    @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String word) {
        if ((category == null) == (word == null || word.isBlank())) {
            throw DomainException.badRequest("请指定一个分类（category）或一个词语（word）");
        }
        if (category != null && !category.equals(HotTopics.NONE) && !category.matches("\\d{1,18}")) {
            throw DomainException.badRequest("分类编号应为数字：" + category);
        }
        if (word != null && word.strip().length() > 20) {
            throw DomainException.badRequest("词语最长 20 个字");
        }
        KpiFilter f = scope.filter(Callers.required(), day, day, org, null);
        return topics.orders(day(f), f.scopePath(), category, word == null ? null : word.strip());
    }

    private LocalDate day(KpiFilter f) {
        return LocalDate.ofInstant(f.from(), clock.getZone());
    }
}
