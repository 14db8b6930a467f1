package org.openhotline.workorder.internal.values;

/** Platforms an order can be forwarded to (the exchange itself comes later). */
public enum Platform {
    PROVINCE("省12345平台"),
    POLICE_110("110联动平台"),
    OTHER_CITY("其他城市12345");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
