package org.openhotline.callcenter.internal.acd;

import java.time.Duration;

/**
 * A skill group (技能组) as the ACD sees it: its strategy, where calls overflow after a wait, how long an
 * agent may ring, and the longest a caller waits before voicemail or a callback request.
 */
public record SkillGroup(long id, String code, String name, RoutingStrategy strategy, Long overflowGroupId,
                         Duration overflowAfter, Duration ringTimeout, Duration maxWait) {

    public SkillGroup {
        if (ringTimeout == null || ringTimeout.isZero() || ringTimeout.isNegative()) {
            throw new IllegalArgumentException("ring timeout must be positive");
        }
    }
}
