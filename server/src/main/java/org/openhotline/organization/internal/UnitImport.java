package org.openhotline.organization.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeChanged;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets.SheetRow;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports handling units from the template. Every row is checked first (a parent may be a row above it);
 * if any row is wrong nothing is written and the answer lists each bad row with its reason.
 */
@Service
class UnitImport {

    static final List<String> HEADERS = List.of("单位编码", "单位名称", "上级编码", "职责", "联系人", "联系电话", "地址");

    private final OrgNodes nodes;
    private final ApplicationEventPublisher events;

    UnitImport(OrgNodes nodes, ApplicationEventPublisher events) {
        this.nodes = nodes;
        this.events = events;
    }

    record RowError(int row, String message) {}

    record Result(int imported) {}


    @Transactional
    Result run(StaffPrincipal caller, List<SheetRow> rows) {
        if (rows.isEmpty()) {
            throw DomainException.invalid("文件中没有数据行");
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, OrgNode> pendingParents = new HashMap<>();
        Set<String> codesInFile = new HashSet<>();
        List<OrgNodes.NewNode> accepted = new ArrayList<>();
        List<String> parentCodes = new ArrayList<>();
        for (SheetRow row : rows) {
            var n = new OrgNodes.NewNode(OrgNodeKind.UNIT, row.cell(0), row.cell(1), blankToNull(row.cell(3)),
                    blankToNull(row.cell(4)), blankToNull(row.cell(5)), blankToNull(row.cell(6)), 0);
            String parentCode = row.cell(2);
            try {
                OrgNode parent = pendingParents.get(parentCode);
                if (parent == null) {
                    parent = nodes.findByCode(parentCode).filter(p -> caller.sees(p.path()))
                            .orElseThrow(() -> DomainException.invalid(parentCode.isBlank() ? "上级编码不能为空"
                                    : "上级编码 " + parentCode + " 不存在或不在您的管辖范围内"));
                }
                boolean taken = !codesInFile.add(n.code()) || nodes.findByCode(n.code()).isPresent();
                OrgNodeEditing.checkNew(parent, n, taken);
                // A row may be the parent of a later row: stand it in with its parent's path for the checks.
                pendingParents.put(n.code(), new OrgNode(-1, parent.id(), OrgNodeKind.UNIT, n.code(), n.name(),
                        parent.path(), parent.depth() + 1, null, null, null, null, true, 0, 0));
                accepted.add(n);
                parentCodes.add(parentCode);
            } catch (DomainException e) {
                errors.add(new RowError(row.number(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected",
                    "有 " + errors.size() + " 行数据有误，未导入任何数据，请修改后重新导入").with("errors", errors);
        }
        Map<String, OrgNode> created = new HashMap<>();
        for (int i = 0; i < accepted.size(); i++) {
            String parentCode = parentCodes.get(i);
            OrgNode parent = created.containsKey(parentCode) ? created.get(parentCode)
                    : nodes.findByCode(parentCode).orElseThrow();
            OrgNode node = nodes.insert(parent, accepted.get(i));
            created.put(node.code(), node);
        }
        events.publishEvent(new OrgNodeChanged(0, "units", "imported", Map.of("count", accepted.size(),
                "codes", created.keySet().stream().sorted().toList())));
        return new Result(accepted.size());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
