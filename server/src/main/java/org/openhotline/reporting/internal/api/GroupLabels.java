package org.openhotline.reporting.internal.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.springframework.stereotype.Component;

/** Names for group keys: agents' names, units' and districts' names, channels in Chinese. */
@Component
public class GroupLabels {

    private static final Map<String, String> CHANNELS = Map.of("PHONE", "电话", "WECHAT", "微信公众号", "WEB", "网站",
            "APP", "移动APP", "SMS", "短信", "EMAIL", "邮件信件", "PLATFORM", "其他平台转入");

    private final Organization organization;
    private final StaffDirectory staff;

    GroupLabels(Organization organization, StaffDirectory staff) {
        this.organization = organization;
        this.staff = staff;
    }

    /** A channel in Chinese (PHONE → 电话). */
    public static String channel(String code) {
        return code == null ? "未指定" : CHANNELS.getOrDefault(code, code);
    }

    public List<KpiFigure.Group> label(Dimension d, List<KpiFigure.Group> groups) {
        if (d == null || groups.isEmpty() || d.time()) {
            return groups;
        }
        List<Long> ids = groups.stream().map(KpiFigure.Group::key).filter(k -> k != null && k.matches("\\d+"))
                .map(Long::valueOf).distinct().toList();
        Map<String, String> names = switch (d) {
            case AGENT -> staff.byIds(ids).stream().collect(Collectors.toMap(s -> String.valueOf(s.accountId()),
                    s -> s.agentNo() == null ? s.displayName() : s.displayName() + "（" + s.agentNo() + "）"));
            case UNIT, REGION -> organization.nodes(ids).stream()
                    .collect(Collectors.toMap(n -> String.valueOf(n.id()), OrgNode::name));
            case CHANNEL -> CHANNELS;
            default -> Map.of();
        };
        Function<String, String> name = key -> key == null ? "未指定"
                : names.getOrDefault(key, d == Dimension.GROUP ? "技能组 " + key
                : d == Dimension.CATEGORY ? "分类 " + key : key);
        return groups.stream().map(g -> g.labelled(name.apply(g.key()))).toList();
    }
}
