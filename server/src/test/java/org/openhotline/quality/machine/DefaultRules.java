package org.openhotline.quality.machine;

import java.util.Map;
import org.openhotline.quality.internal.machine.rules.RuleSetting;

/** The rules as the migration seeds them (thresholds and words), for tests that run without a database. */
final class DefaultRules {

    private DefaultRules() {}

    static Map<String, RuleSetting> all() {
        return Map.ofEntries(
                e(RuleSetting.of("DEAD_AIR", "MEDIUM", 8, "")),
                e(RuleSetting.of("TALK_OVER", "MEDIUM", 1.5, "")),
                e(RuleSetting.of("AGENT_SHARE", "LOW", 75, "")),
                e(RuleSetting.of("SPEECH_RATE", "LOW", 6, "")),
                e(RuleSetting.of("SHOUTING", "HIGH", 9, "")),
                e(RuleSetting.of("LONG_SILENCE_HOLD", "MEDIUM", 45, "")),
                e(RuleSetting.of("CALL_HOLD", "MEDIUM", 60, "")),
                e(RuleSetting.of("CALL_TRANSFERS", "LOW", 2, "")),
                e(RuleSetting.of("CALL_RING", "LOW", 15, "")),
                e(RuleSetting.of("CALL_ACW", "LOW", 120, "")),
                e(RuleSetting.of("GREETING", "MEDIUM", 15, "您好 12345\n您好 一二三四五")),
                e(RuleSetting.of("CLOSING", "LOW", 30, "再见\n感谢您的来电\n谢谢您的来电\n祝您生活愉快")),
                e(RuleSetting.of("FORBIDDEN_WORDS", "HIGH", 0, "不知道\n不归我们管\n你自己去\n没办法\n烦不烦")),
                e(RuleSetting.of("SENSITIVE_WORDS", "HIGH", 0, "记者\n媒体曝光\n上访")),
                e(RuleSetting.of("COMPLAINT_WORDS", "MEDIUM", 0, "投诉你\n不满意\n态度差\n找你们领导")),
                e(RuleSetting.of("ORDER_MISMATCH", "MEDIUM", 30, "")));
    }

    private static Map.Entry<String, RuleSetting> e(RuleSetting r) {
        return Map.entry(r.code(), r);
    }
}
