package org.openhotline.organization.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The yellow pages as Excel: download the import template, import units (all or nothing), export units. */
@RestController
@RequestMapping("/api/org/units")
@Tag(name = "组织机构")
class UnitSheetController {

    private final UnitImport unitImport;
    private final OrgNodes nodes;

    UnitSheetController(UnitImport unitImport, OrgNodes nodes) {
        this.unitImport = unitImport;
        this.nodes = nodes;
    }

    @GetMapping("/import-template")
    @Operation(summary = "下载承办单位导入模板")
    ResponseEntity<byte[]> template() {
        byte[] file = ExcelSheets.write("承办单位", UnitImport.HEADERS, List.of(
                List.of("DH-JYJ", "东湖区教育局", "DH", "辖区中小学招生、校外培训监管", "王老师", "0771-5550001", "江州市东湖区学府路8号")));
        return ExcelSheets.download("承办单位导入模板.xlsx", file);
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "从 Excel 导入承办单位（任一行有误则全部不导入，返回逐行错误）")
    UnitImport.Result importUnits(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.badRequest("请选择要导入的 Excel 文件");
        }
        return unitImport.run(Callers.required(), ExcelSheets.read(file.getInputStream()));
    }

    @GetMapping("/export")
    @Operation(summary = "导出部门黄页")
    ResponseEntity<byte[]> export() {
        var units = nodes.subtree(Callers.required().orgPath(), EnumSet.of(OrgNodeKind.UNIT, OrgNodeKind.WORKSTATION));
        var parents = nodes.findAll(units.stream().map(u -> u.parentId()).filter(java.util.Objects::nonNull).toList())
                .stream().collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> p.code()));
        List<List<?>> rows = units.stream().<List<?>>map(u -> List.of(u.code(), u.name(),
                parents.getOrDefault(u.parentId(), ""), nz(u.duties()), nz(u.contactPerson()), nz(u.contactPhone()),
                nz(u.address()), u.enabled() ? "启用" : "停用")).toList();
        var headers = new java.util.ArrayList<>(UnitImport.HEADERS);
        headers.add("状态");
        return ExcelSheets.download("部门黄页.xlsx", ExcelSheets.write("部门黄页", headers, rows));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
