package org.openhotline.shared.crypto;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation for the security admin (安全管理员, {@code security:policy}): a new data key, then a re-encryption of
 * every sealed column in the background; the progress answers how far it got. Never answers a key.
 */
@RestController
@RequestMapping("/api/admin/personal-data")
@Tag(name = "个人数据加密")
class PersonalDataKeysController {

    private final Resealing resealing;
    private final ApplicationEventPublisher events;

    PersonalDataKeysController(Resealing resealing, ApplicationEventPublisher events) {
        this.resealing = resealing;
        this.events = events;
    }

    @GetMapping("/encryption")
    @PreAuthorize("hasAuthority('security:policy')")
    @Operation(summary = "个人数据加密状态：当前密钥编号与重新加密进度")
    Resealing.Progress progress() {
        return resealing.progress();
    }

    @PostMapping("/key-rotation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('security:policy')")
    @Operation(summary = "轮换个人数据密钥：生成新密钥并在后台分批重新加密全部个人数据（旧密文在此期间仍可解密）")
    @Transactional
    Map<String, Object> rotate() {
        Resealing.Progress p;
        try {
            p = resealing.rotate();
        } catch (IllegalStateException e) {
            throw DomainException.conflict(e.getMessage());
        }
        events.publishEvent(new DataKeyRotated(p.key()));
        return Map.of("key", p.key(), "state", p.state());
    }
}
