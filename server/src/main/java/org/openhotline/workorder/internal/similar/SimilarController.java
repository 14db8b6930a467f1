package org.openhotline.workorder.internal.similar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dispatcher's likely duplicates to merge, and the reviewer's check of units' replies against the appeal. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "相似工单", description = "疑似重复工单分组（并单）、答复与诉求相关性检查（答非所问）")
class SimilarController {

    private final DuplicateGroups groups;
    private final ReplyCheck replies;

    SimilarController(DuplicateGroups groups, ReplyCheck replies) {
        this.groups = groups;
        this.replies = replies;
    }

    @GetMapping("/duplicate-groups")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "近几天在办工单中的疑似重复分组，每组建议并入最早的工单")
    List<DuplicateGroups.Group> duplicateGroups(@RequestParam(defaultValue = "7") int days) {
        return groups.recent(Math.clamp(days, 1, 30), Callers.required());
    }

    @GetMapping("/{id}/reply-check")
    @PreAuthorize("hasAnyAuthority('workorder:dispatch', 'workorder:supervise', 'workorder:read')")
    @Operation(summary = "承办单位答复与诉求的相似度，标出疑似答非所问")
    List<ReplyCheck.Verdict> replyCheck(@PathVariable long id) {
        return replies.check(id, Callers.required());
    }
}
