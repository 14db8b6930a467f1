package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;

/**
 * What a unit is, apart from where it is: 东湖区城市管理局 and 西山区城市管理局 are both "the district's city
 * management" ({@code D:城市管理局}), every street office (or town government) is "the street office"
 * ({@code S:街道（乡镇）}), a city unit is itself ({@code U:<id>}). The model learns roles, so a street office learns
 * from the appeals of all 36; the order's region turns a role back into a unit.
 */
public final class UnitRoles {

    public static final String STREET_OFFICE = "S:街道（乡镇）";

    private final Map<Long, OrgNode> byId = new HashMap<>();
    private final Map<Long, String> roleOf = new HashMap<>();
    /** role → region id → unit; for city units the region is 0. */
    private final Map<String, Map<Long, OrgNode>> units = new LinkedHashMap<>();
    private final Map<String, String> duties = new LinkedHashMap<>();

    public UnitRoles(List<OrgNode> nodes) {
        nodes.forEach(n -> byId.put(n.id(), n));
        for (OrgNode n : nodes) {
            if (!n.kind().handlesWork() || !n.enabled() || n.kind() == OrgNodeKind.CENTER) {
                continue;
            }
            OrgNode parent = n.parentId() == null ? null : byId.get(n.parentId());
            String role;
            long region = 0;
            if (parent != null && (parent.kind() == OrgNodeKind.DISTRICT || parent.kind() == OrgNodeKind.STREET
                    || parent.kind() == OrgNodeKind.COMMUNITY) && n.kind() == OrgNodeKind.UNIT) {
                String rest = n.name().startsWith(parent.name()) ? n.name().substring(parent.name().length()) : n.name();
                role = switch (parent.kind()) {
                    case DISTRICT -> "D:" + rest;
                    case STREET -> rest.equals("办事处") || rest.equals("人民政府") ? STREET_OFFICE : "S:" + rest;
                    default -> "C:" + rest;
                };
                region = parent.id();
            } else {
                role = "U:" + n.id();
            }
            roleOf.put(n.id(), role);
            units.computeIfAbsent(role, k -> new LinkedHashMap<>()).putIfAbsent(region, n);
            if (n.duties() != null && !n.duties().isBlank()) {
                duties.merge(role, stripRegion(n.duties(), parent), (a, b) -> a.equals(b) || a.length() > 2000 ? a : a + "；" + b);
            }
        }
    }

    /** The duties without the region's name and without notes on what another unit does ("（…由…办理）"). */
    private static String stripRegion(String duties, OrgNode parent) {
        String own = duties.replaceAll("（[^）]*由[^）]*办理）", "").replaceAll("（[^）]*社区[^）]*）", "");
        return parent != null && parent.kind().isRegion() ? own.replace(parent.name(), "") : own;
    }

    public Optional<String> roleOf(long unitId) {
        return Optional.ofNullable(roleOf.get(unitId));
    }

    public Optional<OrgNode> node(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The duty texts of each role (one text per role, the region names left out). */
    public Map<String, String> duties() {
        return duties;
    }

    /** The unit that plays {@code role} for an order in {@code regionPath} (null path: only city units resolve). */
    public Optional<OrgNode> resolve(String role, String regionPath) {
        Map<Long, OrgNode> byRegion = units.get(role);
        if (byRegion == null) {
            return Optional.empty();
        }
        if (byRegion.containsKey(0L)) {
            return Optional.of(byRegion.get(0L));
        }
        for (long region : pathIds(regionPath)) {
            OrgNode unit = byRegion.get(region);
            if (unit != null) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** Whether the role needs the order's region to name a unit. */
    public boolean isLocal(String role) {
        return !role.startsWith("U:");
    }

    public static List<Long> pathIds(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }
}
