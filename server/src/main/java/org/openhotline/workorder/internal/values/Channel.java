package org.openhotline.workorder.internal.values;

/** Where an appeal came in (多渠道统一受理). */
public enum Channel {
    PHONE("电话"),
    WECHAT("微信公众号"),
    WEB("网站"),
    APP("移动APP"),
    SMS("短信"),
    EMAIL("邮件信件"),
    PLATFORM("其他平台转入"),
    OPEN311("Open311接口"),
    CHAT("在线客服");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
