package org.openhotline.reporting.internal.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the codes the facts hold, in the order screens list them. */
final class Labels {

    private Labels() {}

    static final Map<String, String> CHANNELS = ordered("PHONE", "电话", "WECHAT", "微信公众号", "WEB", "网站",
            "APP", "移动APP", "SMS", "短信", "EMAIL", "邮件信件", "PLATFORM", "其他平台转入");
    static final Map<String, String> APPEAL_TYPES = ordered("CONSULTATION", "咨询", "HELP", "求助", "COMPLAINT", "投诉",
            "REPORT", "举报", "SUGGESTION", "建议", "PRAISE", "表扬", "OTHER", "其他");
    static final Map<String, String> GRADES = ordered("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意",
            "DISSATISFIED", "不满意");
    static final Map<String, String> STAGES = ordered("DISPATCH", "派单", "SIGN", "签收", "HANDLE", "办理",
            "CALLBACK", "回访");

    static Map<String, String> ordered(String... codesAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            map.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
