package org.openhotline.workorder.internal.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.WorkOrderEvents.CallerUnmasked;
import org.openhotline.workorder.WorkOrderEvents.CallerUnmaskedByUnit;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDetails;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.settings.WorkOrderSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finding and seeing orders: search with filters, detail with timeline, Excel export, audited unmasking. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "工单查询", description = "检索、详情、导出、查看完整号码（留痕）")
class WorkOrderQueryController {

    private static final int EXPORT_MAX = 10_000;

    private final OrderSearch search;
    private final WorkOrders orders;
    private final OrderAccess access;
    private final OrderDetails details;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkOrderSettings settings;

    WorkOrderQueryController(OrderSearch search, WorkOrders orders, OrderAccess access, OrderDetails details,
                             ApplicationEventPublisher events, Clock clock, WorkOrderSettings settings) {
        this.search = search;
        this.orders = orders;
        this.access = access;
        this.details = details;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The filters of the search screen, bound from the query string once for both the list and its export, so
     * that an export always contains what the screen showed.
     */
    record Filters(String q, List<String> state, String light, String appealType, Long categoryId, Long regionId,
                   Long unitId, String channel, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Boolean overdue, Boolean followed,
                   Boolean supervised, Boolean difficult, Boolean urged, String sort, Integer page, Integer size) {

        OrderSearch.Criteria criteria(int pageNumber, int pageSize) {
            return new OrderSearch.Criteria(q, state, light, appealType, categoryId, regionId, unitId, channel, from,
                    to, overdue, followed, supervised, difficult, urged, sort, pageNumber, pageSize);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('workorder:read')")
    @Operation(summary = "检索工单：q 全文（标题、内容、地址、来电人），及状态、灯色、类型、分类、区域、单位、渠道、日期等条件")
    PageResult<OrderRow> search(@org.springdoc.core.annotations.ParameterObject Filters filters) {
        return search.search(filters.criteria(filters.page() == null ? 1 : filters.page(),
                filters.size() == null ? 20 : filters.size()), Callers.required());
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('workorder:read')")
    @Operation(summary = "按检索条件导出 Excel（最多一万行）")
    ResponseEntity<byte[]> export(@org.springdoc.core.annotations.ParameterObject Filters filters) {
        StaffPrincipal who = Callers.required();
        var rows = search.export(filters.criteria(1, EXPORT_MAX), who, EXPORT_MAX);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        List<List<?>> lines = rows.stream().<List<?>>map(r -> java.util.Arrays.asList(r.number(), r.title(),
                r.stateLabel(), lightLabel(r.light()), r.appealTypeLabel(), r.urgencyLabel(), r.channelLabel(),
                r.categoryName(), r.address(), r.callerName(), r.callerPhone(), time.format(r.createdAt()),
                r.mainUnitName(), r.dueAt() == null ? null : time.format(r.dueAt()), r.urgeCount())).toList();
        byte[] xlsx = ExcelSheets.write("工单", List.of("工单编号", "标题", "状态", "灯色", "诉求类型", "紧急程度", "渠道",
                "诉求分类", "地址", "来电人", "联系电话", "受理时间", "主办单位", "办理期限", "催单次数"), lines);
        return ExcelSheets.download("工单导出-" + LocalDate.now(clock) + ".xlsx", xlsx);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('workorder:read', 'workorder:handle')")
    @Operation(summary = "工单详情：字段、承办任务（期限与灯色）、申请、回访、流转记录")
    OrderDetails.Detail detail(@PathVariable long id) {
        StaffPrincipal who = Callers.required();
        WorkOrder o = orders.load(id);
        access.requireVisible(o, who);
        return details.of(o, who, settings.unitsMayUnmask(), settings.unitsMayCall());
    }

    @PostMapping("/{id}/caller/unmask")
    @PreAuthorize("hasAuthority('phone:unmask')")
    @Transactional
    @Operation(summary = "查看来电人完整号码（记入审计日志）")
    Map<String, String> unmask(@PathVariable long id) {
        StaffPrincipal who = Callers.required();
        WorkOrder o = orders.load(id);
        access.requireVisible(o, who);
        events.publishEvent(new CallerUnmasked(o.id(), o.number(), clock.instant()));
        var answer = new java.util.LinkedHashMap<String, String>();
        answer.put("callerName", o.callerName());
        answer.put("callerPhone", o.callerPhone());
        return answer;
    }

    @PostMapping("/{id}/caller/unit-unmask")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Transactional
    @Operation(summary = "承办单位查看群众完整号码（须填写理由，记入审计日志；管理员在工单设置中开启后可用）")
    Map<String, String> unitUnmask(@PathVariable long id, @Valid @RequestBody UnmaskForm form) {
        StaffPrincipal who = Callers.required();
        if (!settings.unitsMayUnmask()) {
            throw DomainException.forbidden("管理员未开启承办单位查看群众号码");
        }
        WorkOrder o = orders.load(id);
        if (o.assignments().stream().noneMatch(a -> who.sees(a.unitPath()))) {
            throw DomainException.forbidden("只有承办本工单的单位可以查看号码");
        }
        if (o.confidential()) {
            throw DomainException.forbidden("保密件不向承办单位显示来电人号码");
        }
        events.publishEvent(new CallerUnmaskedByUnit(o.id(), o.number(), form.reason().strip(), clock.instant()));
        var answer = new java.util.LinkedHashMap<String, String>();
        answer.put("callerName", o.callerName());
        answer.put("callerPhone", o.callerPhone());
        return answer;
    }

    record UnmaskForm(@jakarta.validation.constraints.NotBlank(message = "请填写查看号码的理由")
                      @jakarta.validation.constraints.Size(max = 200, message = "理由最长 200 个字") String reason) {}

    private static String lightLabel(String light) {
        return switch (light) {
            case "RED" -> "红灯";
            case "YELLOW" -> "黄灯";
            default -> "绿灯";
        };
    }
}
