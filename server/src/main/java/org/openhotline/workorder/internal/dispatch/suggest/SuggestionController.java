package org.openhotline.workorder.internal.dispatch.suggest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dispatch suggestions while an agent takes an appeal or a dispatcher dispatches it. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "智能派单", description = "按派单目录和历史工单推荐分类、属地和承办单位")
class SuggestionController {

    private final DispatchSuggestions suggestions;
    private final ModelTraining training;

    SuggestionController(DispatchSuggestions suggestions, ModelTraining training) {
        this.suggestions = suggestions;
        this.training = training;
    }

    @GetMapping("/dispatch-model")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:dispatch')")
    @Operation(summary = "派单模型的训练情况和在近期已办结工单上的准确率（前 1 / 前 3）")
    ModelTraining.Stats model() {
        return training.stats();
    }

    @PostMapping("/dispatch-suggestions")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch')")
    @Operation(summary = "派单推荐：分类、属地和前 3 个承办单位（含得分与理由）；派单目录规则优先")
    DispatchSuggestions.Result suggest(@Valid @RequestBody SuggestForm form) {
        String text = (form.title() == null ? "" : form.title()) + (form.content() == null ? "" : form.content());
        if (text.isBlank()) {
            throw DomainException.invalid("请填写诉求标题或内容");
        }
        return suggestions.suggest(new DispatchSuggestions.Request(form.title(), form.content(), form.address(),
                form.regionId(), form.categoryId(), form.appealType()));
    }

    record SuggestForm(@Size(max = 200, message = "标题最长 200 个字") String title,
                       @Size(max = 5000, message = "内容最长 5000 个字") String content,
                       @Size(max = 200, message = "地址最长 200 个字") String address,
                       Long regionId, Long categoryId,
                       @Pattern(regexp = "[A-Z_]{1,16}", message = "诉求类型无效") String appealType) {}
}
