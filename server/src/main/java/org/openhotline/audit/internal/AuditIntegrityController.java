package org.openhotline.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.openhotline.audit.internal.chain.ChainVerification;
import org.openhotline.shared.AuditableEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit admin's integrity check of the whole chain (archive included); the check itself is audited. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计日志")
class AuditIntegrityController {

    private final ChainVerification verification;
    private final ApplicationEventPublisher events;

    AuditIntegrityController(ChainVerification verification, ApplicationEventPublisher events) {
        this.verification = verification;
        this.events = events;
    }

    /** The check's own record, written after the check (so it is not part of what was checked). */
    record IntegrityChecked(boolean intact, Long firstBroken) implements AuditableEvent {
        @Override
        public String action() {
            return "audit.verified";
        }

        @Override
        public String target() {
            return "audit-chain";
        }

        @Override
        public boolean succeeded() {
            return intact;
        }

        @Override
        public Map<String, Object> details() {
            return firstBroken == null ? Map.of("intact", true) : Map.of("intact", false, "firstBroken", firstBroken);
        }
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:read')")
    @Transactional
    @Operation(summary = "审计日志完整性校验：逐条重算 HMAC-SM3 链（含归档），答 {intact, firstBroken}")
    ChainVerification.Result verify() {
        var result = verification.verify();
        events.publishEvent(new IntegrityChecked(result.intact(),
                result.firstBroken() == null ? null : result.firstBroken().id()));
        return result;
    }
}
