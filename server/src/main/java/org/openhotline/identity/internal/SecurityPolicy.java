package org.openhotline.identity.internal;

import java.util.Arrays;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The password and session rules the security admin sets. Defaults: 10 to 64 chars, 5 failures lock for 15 minutes,
 * 30/15 idle minutes; a password lives 90 days and may not repeat the last 5; an account unused for 90 days is
 * locked; 3 sessions per account (a fourth login ends the oldest); admins from any network; a password an admin
 * set is changed at first login (a demo installation starts with the last two off). The fields added with
 * issue 19 are boxed: a form that leaves one out keeps its current value.
 */
record SecurityPolicy(int minLength, int maxFailures, int lockMinutes, int idleMinutes, int adminIdleMinutes,
                      int version, Integer maxLength, Integer expiryDays, Integer historyCount, Integer inactiveDays,
                      Integer maxSessions, String adminNetworks, Boolean firstLoginChange) {

    /** Length, three character classes of four, not containing the username, not a common password. */
    void checkPassword(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw DomainException.invalid("密码长度至少 " + minLength + " 位");
        }
        if (maxLength != null && password.length() > maxLength) {
            throw DomainException.invalid("密码长度最多 " + maxLength + " 位");
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
        if (CommonPasswords.contains(password)) {
            throw DomainException.invalid("该密码属于常见弱密码，请换一个");
        }
    }

    /** The new fields a form left out, taken from {@code current}. */
    SecurityPolicy orKeep(SecurityPolicy current) {
        return new SecurityPolicy(minLength, maxFailures, lockMinutes, idleMinutes, adminIdleMinutes, version,
                maxLength != null ? maxLength : current.maxLength,
                expiryDays != null ? expiryDays : current.expiryDays,
                historyCount != null ? historyCount : current.historyCount,
                inactiveDays != null ? inactiveDays : current.inactiveDays,
                maxSessions != null ? maxSessions : current.maxSessions,
                adminNetworks != null ? adminNetworks.trim() : current.adminNetworks,
                firstLoginChange != null ? firstLoginChange : current.firstLoginChange);
    }

    List<IpAddressMatcher> adminNetworkList() {
        if (adminNetworks == null || adminNetworks.isBlank()) {
            return List.of();
        }
        return Arrays.stream(adminNetworks.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(IpAddressMatcher::new).toList();
    }

    void checkSane() {
        if (minLength < 8 || minLength > 64) {
            throw DomainException.invalid("密码最小长度应在 8 到 64 之间");
        }
        if (maxLength < minLength || maxLength > 128) {
            throw DomainException.invalid("密码最大长度应不小于最小长度，且不超过 128");
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
        if (expiryDays < 0 || expiryDays > 365) {
            throw DomainException.invalid("密码有效期应在 0（不过期）到 365 天之间");
        }
        if (historyCount < 0 || historyCount > 24) {
            throw DomainException.invalid("不得重复使用的历史密码个数应在 0 到 24 之间");
        }
        if (inactiveDays < 0 || inactiveDays > 730) {
            throw DomainException.invalid("长期未登录锁定天数应在 0（不锁定）到 730 之间");
        }
        if (maxSessions < 0 || maxSessions > 50) {
            throw DomainException.invalid("同一账号同时在线会话数应在 0（不限）到 50 之间");
        }
        if (adminNetworks.length() > 500) {
            throw DomainException.invalid("管理员登录网段最长 500 个字符");
        }
        try {
            adminNetworkList();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("管理员登录网段格式不正确，应为逗号分隔的 CIDR，如 10.1.0.0/16, 192.168.5.10");
        }
    }
}
