package org.openhotline.shared;

/**
 * A screen in the web shell's menu. Modules contribute theirs as beans of {@link MenuEntry.Contribution};
 * identity shows each to the callers holding {@code permission} (null: every logged-in user).
 */
public record MenuEntry(String group, String key, String title, String path, String permission, int order) {

    /** A module's menu entries. */
    public interface Contribution {
        java.util.List<MenuEntry> menuEntries();
    }
}
