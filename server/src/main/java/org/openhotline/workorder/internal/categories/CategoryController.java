package org.openhotline.workorder.internal.categories;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** The appeal taxonomy: read by every intake screen, edited by the hotline manager. */
@RestController
@RequestMapping("/api/work-orders/categories")
@Tag(name = "诉求分类")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "分类树（all=true 含已停用）")
    List<Categories.Category> tree(@RequestParam(defaultValue = "false") boolean all) {
        return categories.tree(all);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('business:config')")
    Categories.Category create(@Valid @RequestBody NewForm form) {
        return categories.create(form.parentId(), form.name().strip(), form.sortOrder() == null ? 0 : form.sortOrder());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    Categories.Category update(@PathVariable long id, @Valid @RequestBody EditForm form) {
        return categories.update(id, form.version(), form.name().strip(), form.sortOrder() == null ? 0 : form.sortOrder(),
                form.enabled() == null || form.enabled());
    }

    record NewForm(Long parentId, @NotBlank(message = "请填写分类名称") @Size(max = 50, message = "名称最长 50 个字") String name,
                   Integer sortOrder) {}

    record EditForm(@NotBlank(message = "请填写分类名称") @Size(max = 50, message = "名称最长 50 个字") String name,
                    Integer sortOrder, Boolean enabled, @NotNull(message = "缺少版本号") Integer version) {}
}
