package org.openhotline.callcenter.internal.missed;

import java.util.Map;

/** The Chinese words the screens and the Excel export show for statuses, outcomes and where a call was missed. */
final class MissedCallLabels {

    private MissedCallLabels() {}

    static final Map<String, String> STATUS = Map.of("OPEN", "待回拨", "CALLED_BACK", "回拨接通", "GOT_THROUGH", "来电已接通",
            "UNREACHABLE", "多次未接通", "WRONG_NUMBER", "号码错误");

    static final Map<String, String> OUTCOME = Map.of("REACHED", "已接通", "NO_ANSWER", "无人接听", "BUSY", "占线",
            "WRONG_NUMBER", "号码错误");

    static final Map<String, String> POINT = Map.of("QUEUE", "排队中挂机", "RINGING", "振铃中挂机", "MAX_WAIT", "排队超时",
            "IVR", "语音导航中挂机", "VOICEMAIL", "留言");

    static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
