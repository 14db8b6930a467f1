package org.openhotline.channels.internal.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.springframework.http.HttpStatus;
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

/** The editor's side of typical cases (staff login, knowledge:edit). */
@RestController
@RequestMapping("/api/channels/typical-cases")
@Tag(name = "典型案例", description = "采编将已办结工单去除个人信息后在市民门户公开")
class TypicalCaseController {

    private final TypicalCases cases;

    TypicalCaseController(TypicalCases cases) {
        this.cases = cases;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "已公开的典型案例")
    List<TypicalCases.TypicalCase> list() {
        return cases.published(null, 200);
    }

    @GetMapping("/draft")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "按工单编号生成案例草稿（已去除电话、身份证号、姓名、门牌等）")
    TypicalCases.Draft draft(@RequestParam String number) {
        return cases.draft(number, Callers.required());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "发布典型案例")
    TypicalCases.TypicalCase publish(@Valid @RequestBody CaseForm form) {
        return cases.publish(form.number(), form.title(), form.appeal(), form.reply(), Callers.required());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "撤下典型案例")
    void withdraw(@PathVariable long id, @RequestParam int version) {
        cases.withdraw(id, version);
    }

    record CaseForm(@NotBlank(message = "请填写工单编号") @Size(max = 20, message = "工单编号不正确") String number,
                    @NotBlank(message = "请填写案例标题") @Size(max = 200, message = "标题最长 200 个字") String title,
                    @NotBlank(message = "请填写诉求内容") @Size(max = 5000, message = "诉求内容最长 5000 个字") String appeal,
                    @NotBlank(message = "请填写办理结果") @Size(max = 5000, message = "办理结果最长 5000 个字") String reply) {}

}
