package org.openhotline.reporting.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.openhotline.reporting.internal.facts.FactRebuild;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild command: recompute every fact from the owners' records (after a restore, a formula change, a doubt). */
@RestController
class RebuildController {

    private final FactRebuild rebuild;

    RebuildController(FactRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/reports/rebuild")
    @PreAuthorize("hasAnyAuthority('business:config', 'config:manage')")
    @Operation(summary = "重建统计事实表：从各模块的原始记录重新计算（返回各表行数）")
    Map<String, Integer> rebuild() {
        return rebuild.rebuild();
    }
}
