package org.openhotline.workorder.internal.settings;

/**
 * How a handling unit reaches the citizen of an order assigned to it; the unit always sees the number masked.
 * {@code UNMASK}: it may look at the full number, giving a reason (audited). {@code CALL}: it may have the platform
 * call the citizen and bridge the call to the handler's phone (audited), the number never shown.
 */
public enum UnitPhoneAccess {
    NONE("仅显示脱敏号码"),
    UNMASK("可查看完整号码（填写理由，留痕）"),
    CALL("平台代拨（号码不显示，留痕）");

    private final String label;

    UnitPhoneAccess(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
