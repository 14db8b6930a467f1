package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.openhotline.exchange.internal.flows.Rectifications;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 差评整改 tasks for the supervisors: list, and record the result (fed back to 好差评). */
@RestController
@RequestMapping("/api/exchange/rectifications")
@Tag(name = "差评整改", description = "好差评平台退回整改的差评：督办任务（5个工作日）与整改结果反馈")
class RectificationController {

    private final Rectifications rectifications;

    RectificationController(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('workorder:supervise')")
    @Operation(summary = "整改任务（state=OPEN 待整改，DONE 已完成）")
    List<Rectifications.Task> list(@RequestParam(required = false) String state) {
        return rectifications.list(state);
    }

    record Result(@NotNull(message = "缺少版本号（version）") Integer version,
                  @NotBlank(message = "请填写整改结果") @Size(max = 2000, message = "整改结果最长 2000 个字符") String result) {}

    @PostMapping("/{id}/result")
    @PreAuthorize("hasAuthority('workorder:supervise')")
    @Operation(summary = "登记整改结果并反馈好差评平台")
    Map<String, Object> complete(@PathVariable long id, @Valid @RequestBody Result r) {
        rectifications.complete(id, r.version(), r.result().strip(), Callers.required().username());
        return Map.of("id", id, "state", "DONE");
    }
}
