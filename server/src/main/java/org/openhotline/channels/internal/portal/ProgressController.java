package org.openhotline.channels.internal.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 办理进度自助查询 (by number + query code, or by a confirmed phone), 好差评 and 申请重办. */
@RestController
@RequestMapping("/api/portal/orders")
@Tag(name = "市民门户", description = "公开接口（无需登录）：办理进度查询、评价、申请重办")
class ProgressController {

    private final PortalProgress progress;

    ProgressController(PortalProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/{number}")
    @Operation(summary = "查询办理进度：工单编号 + 查询码，或 X-Phone-Token（已验证的手机号）")
    PortalProgress.Progress query(@PathVariable String number, @RequestParam(required = false) String code,
                                  @RequestHeader(name = "X-Phone-Token", required = false) String token,
                                  HttpServletRequest request) {
        return progress.query(number, code, token, request.getRemoteAddr());
    }

    @GetMapping
    @Operation(summary = "已验证手机号名下的工单（X-Phone-Token）")
    List<PortalProgress.Progress> mine(@RequestHeader(name = "X-Phone-Token", required = false) String token) {
        return progress.ofPhone(token);
    }

    @PostMapping("/{number}/rating")
    @Operation(summary = "好差评：非常满意、满意、基本满意、不满意、非常不满意（记为工单回访；不满意退回重办）")
    PortalProgress.Progress rate(@PathVariable String number, @Valid @RequestBody RatingForm form,
                                 @RequestHeader(name = "X-Phone-Token", required = false) String token,
                                 HttpServletRequest request) {
        return progress.rate(number, form.code(), token, form.grade(), form.resolved(), form.note(), request.getRemoteAddr());
    }

    @PostMapping("/{number}/reopen")
    @Operation(summary = "申请重办：办结后规定天数内、问题未解决时，转回访核实并督办")
    PortalProgress.Progress reopen(@PathVariable String number, @Valid @RequestBody ReopenForm form,
                                   @RequestHeader(name = "X-Phone-Token", required = false) String token,
                                   HttpServletRequest request) {
        return progress.reopen(number, form.code(), token, form.reason(), request.getRemoteAddr());
    }

    record RatingForm(@Size(max = 20, message = "查询码不正确") String code,
                      @NotNull(message = "请选择评价等级") Grade grade, Boolean resolved,
                      @Size(max = 500, message = "评价意见最长 500 个字") String note) {}

    record ReopenForm(@Size(max = 20, message = "查询码不正确") String code,
                      @NotBlank(message = "请说明未解决的情况") @Size(max = 500, message = "情况说明最长 500 个字") String reason) {}
}
