package org.openhotline.channels.internal.portal;

import java.time.Duration;
import java.util.UUID;
import org.openhotline.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a portal submit passes before the intake, in one transaction of its own that commits whether the submit is
 * let through or refused: the client address's limit, the captcha spent, then — only with a right captcha — the
 * phone's limit. Issue 14 measured these as three committed transactions per submit (half the submit's database
 * wait on a loaded machine); together they are one commit, and a busy address's hits are mostly counted from this
 * node's reservation ({@link RateLimits}) without a statement.
 */
@Component
class SubmitGate {

    private final RateLimits limits;
    private final Captchas captchas;

    SubmitGate(RateLimits limits, Captchas captchas) {
        this.limits = limits;
        this.captchas = captchas;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
    public void pass(String clientAddress, UUID captchaId, Integer captchaAnswer, String phone, PortalSettings s) {
        limits.count("submit-ip:" + clientAddress, s.submitsPerAddressPerHour(), Duration.ofHours(1),
                "提交过于频繁，请稍后再试");
        captchas.spend(captchaId, captchaAnswer);
        if (phone != null) {
            limits.count("submit-phone:" + phone, s.submitsPerPhonePerHour(), Duration.ofHours(1),
                    "该手机号提交过于频繁，请稍后再试");
        }
    }
}
