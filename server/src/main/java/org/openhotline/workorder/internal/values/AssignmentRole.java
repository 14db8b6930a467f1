package org.openhotline.workorder.internal.values;

/** 主办 answers for the order; 协办 helps; 下级协同 is a part handed by a unit to its own sub-unit. */
public enum AssignmentRole {
    MAIN("主办"), ASSIST("协办"), SUB("下级协同");

    private final String label;

    AssignmentRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
