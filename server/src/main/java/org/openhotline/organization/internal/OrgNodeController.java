package org.openhotline.organization.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.Callers;
import org.openhotline.shared.PageResult;
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

/** Browse, search and edit the organization tree (regions, center, workstations, units). */
@RestController
@RequestMapping("/api/org")
@Tag(name = "组织机构", description = "区域树、承办单位（部门黄页）、工作站")
class OrgNodeController {

    private final OrgNodes nodes;
    private final OrgNodeEditing editing;

    OrgNodeController(OrgNodes nodes, OrgNodeEditing editing) {
        this.nodes = nodes;
        this.editing = editing;
    }

    /** A nested tree of the caller's scope; {@code view=region} gives regions only, {@code unit} adds units. */
    @GetMapping("/tree")
    @Operation(summary = "机构树（本级及下级）")
    List<TreeNode> tree(@RequestParam(defaultValue = "all") String view) {
        Set<OrgNodeKind> kinds = switch (view) {
            case "region" -> EnumSet.of(OrgNodeKind.PROVINCE, OrgNodeKind.CITY, OrgNodeKind.DISTRICT,
                    OrgNodeKind.STREET, OrgNodeKind.COMMUNITY);
            case "unit" -> EnumSet.complementOf(EnumSet.of(OrgNodeKind.COMMUNITY));
            default -> EnumSet.allOf(OrgNodeKind.class);
        };
        return nest(nodes.subtree(Callers.required().orgPath(), kinds));
    }

    @GetMapping("/nodes")
    @Operation(summary = "按名称、职责搜索机构（部门黄页）")
    PageResult<OrgNode> search(@RequestParam(required = false) String q,
                               @RequestParam(required = false) List<OrgNodeKind> kind,
                               @RequestParam(required = false) Boolean enabled,
                               @RequestParam(defaultValue = "1") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Set<OrgNodeKind> kinds = kind == null || kind.isEmpty() ? EnumSet.allOf(OrgNodeKind.class) : EnumSet.copyOf(kind);
        return nodes.search(Callers.required().orgPath(), q, kinds, enabled, Math.max(page, 1), PageResult.clampSize(size));
    }

    @GetMapping("/nodes/{id}")
    OrgNode get(@PathVariable long id) {
        return editing.visible(Callers.required(), id);
    }

    @PostMapping("/nodes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "新增机构")
    OrgNode create(@Valid @RequestBody NodeForm form) {
        return editing.create(Callers.required(), form.parentId(), new OrgNodes.NewNode(form.kind(), form.code(),
                form.name(), form.duties(), form.contactPerson(), form.contactPhone(), form.address(),
                form.sortOrder() == null ? 0 : form.sortOrder()));
    }

    @PutMapping("/nodes/{id}")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "修改机构（带版本号，他人先改则 409）")
    OrgNode edit(@PathVariable long id, @Valid @RequestBody EditForm form) {
        return editing.edit(Callers.required(), id, form.version(), new OrgNodes.EditNode(form.name(), form.duties(),
                form.contactPerson(), form.contactPhone(), form.address(), form.sortOrder() == null ? 0 : form.sortOrder()));
    }

    @PostMapping("/nodes/{id}/disable")
    @PreAuthorize("hasAuthority('org:manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable long id) {
        editing.setEnabled(Callers.required(), id, false);
    }

    @PostMapping("/nodes/{id}/enable")
    @PreAuthorize("hasAuthority('org:manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable long id) {
        editing.setEnabled(Callers.required(), id, true);
    }

    record NodeForm(@NotNull(message = "请选择上级机构") Long parentId,
                    @NotNull(message = "请选择机构类型") OrgNodeKind kind,
                    @NotBlank(message = "请填写编码") @Size(max = 40, message = "编码最长 40 位") String code,
                    @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称最长 100 个字") String name,
                    @Size(max = 2000, message = "职责最长 2000 个字") String duties,
                    @Size(max = 50, message = "联系人最长 50 个字") String contactPerson,
                    @Size(max = 30, message = "联系电话最长 30 位") String contactPhone,
                    @Size(max = 200, message = "地址最长 200 个字") String address,
                    Integer sortOrder) {}

    record EditForm(@NotBlank(message = "请填写名称") @Size(max = 100, message = "名称最长 100 个字") String name,
                    @Size(max = 2000, message = "职责最长 2000 个字") String duties,
                    @Size(max = 50, message = "联系人最长 50 个字") String contactPerson,
                    @Size(max = 30, message = "联系电话最长 30 位") String contactPhone,
                    @Size(max = 200, message = "地址最长 200 个字") String address,
                    Integer sortOrder,
                    @NotNull(message = "缺少版本号") Integer version) {}

    record TreeNode(OrgNode node, List<TreeNode> children) {}

    /** Nodes come parents first; a node whose parent is outside the list becomes a root. */
    static List<TreeNode> nest(List<OrgNode> flat) {
        Map<Long, TreeNode> byId = new HashMap<>();
        List<TreeNode> roots = new ArrayList<>();
        for (OrgNode n : flat) {
            TreeNode t = new TreeNode(n, new ArrayList<>());
            byId.put(n.id(), t);
            TreeNode parent = n.parentId() == null ? null : byId.get(n.parentId());
            (parent == null ? roots : parent.children()).add(t);
        }
        return roots;
    }
}
