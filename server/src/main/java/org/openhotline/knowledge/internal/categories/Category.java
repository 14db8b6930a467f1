package org.openhotline.knowledge.internal.categories;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.shared.StaffPrincipal;

/**
 * A column (栏目) of the knowledge base and who may read, write and review in it. Public and internal columns are read
 * by staff holding knowledge:read (internal ones optionally by some roles only) and written by knowledge editors; a
 * private column is a unit's own base (独立知识库): only staff at or below the owning unit see and write it. Whatever
 * the column, publishing needs a reviewer (knowledge:review) other than the author — in a unit's base one of the
 * unit's own staff — and only knowledge:category (知识栏目管理: editors and the hotline manager) creates or changes
 * columns, so nobody opens a column of their own to publish in.
 */
public record Category(long id, Long parentId, String name, Visibility visibility, Long ownerNodeId, String ownerPath,
                       Set<String> readRoles, Set<String> editRoles, boolean reviewRequired, int sortOrder,
                       int version) {

    public enum Visibility { PUBLIC, INTERNAL, PRIVATE }

    public boolean canRead(StaffPrincipal p) {
        if (visibility == Visibility.PRIVATE) {
            return ownStaff(p);
        }
        return p.can("knowledge:read") && (readRoles.isEmpty() || p.can("knowledge:edit") || p.can("knowledge:review")
                || p.roles().stream().anyMatch(readRoles::contains));
    }

    public boolean canEdit(StaffPrincipal p) {
        if (visibility == Visibility.PRIVATE) {
            return ownStaff(p);
        }
        return p.can("knowledge:edit") && (editRoles.isEmpty() || p.roles().stream().anyMatch(editRoles::contains));
    }

    public boolean canReview(StaffPrincipal p) {
        return p.can("knowledge:review") && (visibility != Visibility.PRIVATE || ownStaff(p));
    }

    /** Creating, editing and re-parenting columns: a power of its own, not implied by writing or by the org tree. */
    public static boolean canManage(StaffPrincipal p) {
        return p.can("knowledge:category");
    }

    /** Staff of the owning unit or of its sub-units; the hotline above it does not look into a unit's own base. */
    private boolean ownStaff(StaffPrincipal p) {
        return ownerPath != null && p.orgPath() != null && p.orgPath().startsWith(ownerPath) && p.can("knowledge:read");
    }

    static Set<String> roles(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
