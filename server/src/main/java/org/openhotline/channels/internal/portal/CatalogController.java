package org.openhotline.channels.internal.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.knowledge.PublicKnowledge;
import org.openhotline.organization.PublicRegions;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.PortalOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the portal shows without a question: categories, the region tree, public knowledge, typical cases. */
@RestController
@RequestMapping("/api/portal")
@Tag(name = "市民门户", description = "公开接口（无需登录）：诉求分类、区域、公开知识、典型案例")
class CatalogController {

    private final PortalOrders orders;
    private final PublicRegions regions;
    private final PublicKnowledge knowledge;
    private final TypicalCases cases;
    private final String ownerNode;

    CatalogController(PortalOrders orders, PublicRegions regions, PublicKnowledge knowledge, TypicalCases cases,
                      @Value("${hotline.channels.owner-node:JZ}") String ownerNode) {
        this.orders = orders;
        this.regions = regions;
        this.knowledge = knowledge;
        this.cases = cases;
        this.ownerNode = ownerNode;
    }

    @GetMapping("/categories")
    @Operation(summary = "诉求分类（引导选择）")
    List<PortalOrders.CategoryNode> categories() {
        return orders.categories();
    }

    @GetMapping("/regions")
    @Operation(summary = "区域树（区县、街道、社区）")
    List<PublicRegions.Region> regions() {
        return regions.below(ownerNode);
    }

    @GetMapping("/knowledge")
    @Operation(summary = "公开知识检索（仅公开栏目中已发布的知识）")
    List<PublicKnowledge.PublicArticle> knowledge(@RequestParam(required = false) String q) {
        if (q != null && q.length() > 50) {
            throw DomainException.badRequest("检索词最长 50 个字");
        }
        return knowledge.search(q, 20);
    }

    @GetMapping("/knowledge/{id}")
    @Operation(summary = "公开知识详情")
    PublicKnowledge.PublicArticle article(@PathVariable long id) {
        return knowledge.article(id).orElseThrow(() -> DomainException.notFound("知识不存在或未公开"));
    }

    @GetMapping("/cases")
    @Operation(summary = "典型案例（已办结并经采编公开的工单，个人信息已去除）")
    List<TypicalCases.TypicalCase> cases(@RequestParam(required = false) String q) {
        if (q != null && q.length() > 50) {
            throw DomainException.badRequest("检索词最长 50 个字");
        }
        return cases.published(q, 30);
    }
}
