package org.openhotline.organization;

/** Kinds of organization node; the first five are regions, the rest organizations that hang under them. */
public enum OrgNodeKind {
    PROVINCE("省"), CITY("市"), DISTRICT("区/县"), STREET("街道/乡镇"), COMMUNITY("社区/村"),
    CENTER("热线中心"), WORKSTATION("工作站"), UNIT("承办单位");

    private final String label;

    OrgNodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRegion() {
        return ordinal() <= COMMUNITY.ordinal();
    }

    /** Which kinds may sit directly under a node of this kind. */
    public boolean allowsChild(OrgNodeKind child) {
        return switch (this) {
            case PROVINCE -> child == CITY || child == UNIT;
            case CITY -> child == DISTRICT || child == CENTER || child == UNIT;
            case DISTRICT -> child == STREET || child == WORKSTATION || child == UNIT;
            case STREET -> child == COMMUNITY || child == UNIT;
            case COMMUNITY, CENTER, WORKSTATION, UNIT -> child == UNIT;
        };
    }

    /** Units, workstations and the center take work; regions only locate it. */
    public boolean handlesWork() {
        return this == UNIT || this == WORKSTATION || this == CENTER;
    }
}
