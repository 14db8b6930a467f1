package org.openhotline.workorder.internal.values;

import org.openhotline.shared.StaffPrincipal;

/** Who takes a step, as the timeline shows it; {@link #SYSTEM} for timers. */
public record Actor(String username, String name) {

    public static final Actor SYSTEM = new Actor("system", "系统");

    public static Actor of(StaffPrincipal p) {
        return new Actor(p.username(), p.displayName());
    }
}
