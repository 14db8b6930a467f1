package org.openhotline.organization.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeChanged;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, enabling and disabling nodes: checks the tree rules and the caller's scope. */
@Service
public class OrgNodeEditing {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,30}");

    private final OrgNodes nodes;
    private final ApplicationEventPublisher events;

    OrgNodeEditing(OrgNodes nodes, ApplicationEventPublisher events) {
        this.nodes = nodes;
        this.events = events;
    }

    @Transactional
    public OrgNode create(StaffPrincipal caller, long parentId, OrgNodes.NewNode n) {
        OrgNode parent = visible(caller, parentId);
        checkNew(parent, n, nodes.findByCode(n.code()).isPresent());
        OrgNode created = nodes.insert(parent, n);
        events.publishEvent(new OrgNodeChanged(created.id(), created.code(), "created", describe(created)));
        return created;
    }

    /** The rules for a new node, shared by the form and the Excel import; throws with a Chinese reason. */
    static void checkNew(OrgNode parent, OrgNodes.NewNode n, boolean codeTaken) {
        if (n.code() == null || !CODE.matcher(n.code()).matches()) {
            throw DomainException.invalid("编码只能由字母、数字、下划线和短横线组成，最长 40 位");
        }
        if (codeTaken) {
            throw DomainException.conflict("编码 " + n.code() + " 已被使用");
        }
        if (n.name() == null || n.name().isBlank() || n.name().length() > 100) {
            throw DomainException.invalid("名称不能为空，且不超过 100 个字");
        }
        if (n.contactPhone() != null && !n.contactPhone().isBlank() && !PHONE.matcher(n.contactPhone()).matches()) {
            throw DomainException.invalid("联系电话格式不正确");
        }
        if (!parent.enabled()) {
            throw DomainException.invalid("上级机构「" + parent.name() + "」已停用，不能在其下新增");
        }
        if (!parent.kind().allowsChild(n.kind())) {
            throw DomainException.invalid("「" + parent.kind().label() + "」下不能直接设立「" + n.kind().label() + "」");
        }
    }

    @Transactional
    public OrgNode edit(StaffPrincipal caller, long id, int version, OrgNodes.EditNode e) {
        OrgNode before = visible(caller, id);
        if (e.name() == null || e.name().isBlank()) {
            throw DomainException.invalid("名称不能为空");
        }
        if (e.contactPhone() != null && !e.contactPhone().isBlank() && !PHONE.matcher(e.contactPhone()).matches()) {
            throw DomainException.invalid("联系电话格式不正确");
        }
        OrgNode after = nodes.update(id, version, e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", describe(before));
        details.put("after", describe(after));
        events.publishEvent(new OrgNodeChanged(id, after.code(), "updated", details));
        return after;
    }

    @Transactional
    public void setEnabled(StaffPrincipal caller, long id, boolean enabled) {
        OrgNode node = visible(caller, id);
        if (node.id() == caller.orgNodeId() && !enabled) {
            throw DomainException.invalid("不能停用自己所在的机构");
        }
        if (!enabled && nodes.hasEnabledChildren(id)) {
            throw DomainException.conflict("「" + node.name() + "」下还有启用的下级机构，请先停用下级");
        }
        nodes.setEnabled(id, enabled);
        events.publishEvent(new OrgNodeChanged(id, node.code(), enabled ? "enabled" : "disabled", Map.of("name", node.name())));
    }

    /** The node, if the caller's scope reaches it; a sibling's node is "not found", not "forbidden". */
    OrgNode visible(StaffPrincipal caller, long id) {
        return nodes.find(id).filter(n -> caller.sees(n.path()))
                .orElseThrow(() -> DomainException.notFound("机构不存在或不在您的管辖范围内"));
    }

    static Map<String, Object> describe(OrgNode n) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", n.kind().name());
        d.put("name", n.name());
        d.put("duties", n.duties());
        d.put("contactPerson", n.contactPerson());
        d.put("contactPhone", n.contactPhone());
        d.put("address", n.address());
        d.put("enabled", n.enabled());
        return d;
    }
}
