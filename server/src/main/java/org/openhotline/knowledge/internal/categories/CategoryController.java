package org.openhotline.knowledge.internal.categories;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.organization.Organization;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The column tree (栏目) and its rights. Only holders of knowledge:category (知识栏目管理: knowledge editors and the
 * hotline manager) create or change columns, a unit's own private base (独立知识库) included: they open it for the
 * unit, whose staff then write in it. Every column needs review before anything in it is published.
 */
@RestController
@RequestMapping("/api/knowledge/categories")
@Tag(name = "知识栏目", description = "栏目分类与分级授权")
class CategoryController {

    private final Categories categories;
    private final Organization organization;
    private final ApplicationEventPublisher events;

    CategoryController(Categories categories, Organization organization, ApplicationEventPublisher events) {
        this.categories = categories;
        this.organization = organization;
        this.events = events;
    }

    record View(long id, Long parentId, String name, Category.Visibility visibility, Long ownerNodeId,
                Set<String> readRoles, Set<String> editRoles, boolean reviewRequired, int sortOrder, int version,
                boolean canEdit, boolean canReview, boolean canManage) {}

    record Form(Long parentId, @NotBlank(message = "请填写栏目名称") @Size(max = 60, message = "栏目名称不超过 60 个字") String name,
                @NotNull(message = "请选择可见范围") Category.Visibility visibility, Long ownerNodeId,
                @Size(max = 20, message = "角色不超过 20 个") Set<@Size(max = 30) String> readRoles,
                @Size(max = 20, message = "角色不超过 20 个") Set<@Size(max = 30) String> editRoles,
                Boolean reviewRequired, Integer sortOrder, Integer version) {}

    /** The columns the caller reads; column managers also see the units' private columns they opened (not their articles). */
    @GetMapping
    @Operation(summary = "我可见的栏目（平铺，按 parentId 组树）")
    List<View> list() {
        StaffPrincipal caller = Callers.required();
        boolean manager = Category.canManage(caller);
        return categories.all().stream().filter(c -> c.canRead(caller) || manager)
                .map(c -> new View(c.id(), c.parentId(), c.name(), c.visibility(), c.ownerNodeId(), c.readRoles(),
                        c.editRoles(), c.reviewRequired(), c.sortOrder(), c.version(), c.canEdit(caller),
                        c.canReview(caller), manager))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "新建栏目（知识栏目管理权限）")
    Category create(@Valid @RequestBody Form form) {
        managing();
        Category c = categories.insert(build(0, form, 0));
        events.publishEvent(new KnowledgeChanged("category", c.id(), "created", Map.of("name", c.name())));
        return c;
    }

    @PutMapping("/{id}")
    @Transactional
    @Operation(summary = "修改栏目及其权限（知识栏目管理权限）")
    Category update(@PathVariable long id, @Valid @RequestBody Form form) {
        managing();
        Category current = categories.get(id);
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号，请刷新后重试");
        }
        if (form.parentId() != null && form.parentId() == id) {
            throw DomainException.invalid("栏目不能挂在自己下面");
        }
        Category c = categories.update(build(current.id(), form, form.version()));
        events.publishEvent(new KnowledgeChanged("category", id, "edited",
                Map.of("visibility", c.visibility().name(), "readRoles", String.join(",", c.readRoles()),
                        "editRoles", String.join(",", c.editRoles()))));
        return c;
    }

    private static StaffPrincipal managing() {
        StaffPrincipal caller = Callers.required();
        if (!Category.canManage(caller)) {
            throw DomainException.forbidden("只有知识库采编人员和热线业务主管可以管理知识栏目");
        }
        return caller;
    }

    private Category build(long id, Form f, int version) {
        Long ownerId = null;
        String ownerPath = null;
        if (f.parentId() != null) {
            Category parent = categories.get(f.parentId());
            if (parent.visibility() == Category.Visibility.PRIVATE && f.visibility() != Category.Visibility.PRIVATE) {
                throw DomainException.invalid("独立知识库下的栏目只能是独立栏目");
            }
            if (parent.visibility() == Category.Visibility.PRIVATE && f.ownerNodeId() == null) {
                ownerId = parent.ownerNodeId();
            }
        }
        if (f.visibility() == Category.Visibility.PRIVATE) {
            Long owner = ownerId != null ? ownerId : f.ownerNodeId();
            if (owner == null) {
                throw DomainException.invalid("请选择独立知识库所属的单位");
            }
            var node = organization.node(owner).orElseThrow(() -> DomainException.invalid("所属单位不存在"));
            ownerId = node.id();
            ownerPath = node.path();
        }
        // Every column is reviewed (四眼原则); the flag stays in the table for older clients and is always true.
        return new Category(id, f.parentId(), f.name().strip(), f.visibility(), ownerId, ownerPath,
                f.readRoles() == null ? Set.of() : f.readRoles(), f.editRoles() == null ? Set.of() : f.editRoles(),
                true, f.sortOrder() == null ? 0 : f.sortOrder(), version);
    }
}
