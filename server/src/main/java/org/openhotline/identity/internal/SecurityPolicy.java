package org.openhotline.identity.internal;

import org.openhotline.shared.DomainException;

/** The password and session rules the security admin sets (defaults: 10 chars, 5 failures, 15/30/15 minutes). */
record SecurityPolicy(int minLength, int maxFailures, int lockMinutes, int idleMinutes, int adminIdleMinutes,
                      int version) {

    /** Length, three character classes of four, and not containing the username. */
    void checkPassword(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw DomainException.invalid("密码长度至少 " + minLength + " 位");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw DomainException.invalid("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw DomainException.invalid("密码不能包含用户名");
        }
    }

    void checkSane() {
        if (minLength < 8 || minLength > 64) {
            throw DomainException.invalid("密码最小长度应在 8 到 64 之间");
        }
        if (maxFailures < 3 || maxFailures > 10) {
            throw DomainException.invalid("连续失败锁定次数应在 3 到 10 之间");
        }
        if (lockMinutes < 1 || lockMinutes > 1440) {
            throw DomainException.invalid("锁定时长应在 1 到 1440 分钟之间");
        }
        if (idleMinutes < 5 || idleMinutes > 480 || adminIdleMinutes < 5 || adminIdleMinutes > idleMinutes) {
            throw DomainException.invalid("会话超时应在 5 到 480 分钟之间，且管理员超时不长于普通用户");
        }
    }
}
