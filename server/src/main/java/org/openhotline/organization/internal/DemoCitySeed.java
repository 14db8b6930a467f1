package org.openhotline.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.DemoSeed;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fictional city of 江州市 in 南江省: 7 districts, 36 streets and towns, communities, the 12345 center, a
 * workstation per district and 90 handling units with their duties (from {@code demo/city.json}).
 */
@Component
class DemoCitySeed implements DemoSeed {

    record DemoNode(String code, OrgNodeKind kind, String name, String parent, String duties, String contactPerson,
                    String contactPhone, String address) {}

    record DemoCity(List<DemoNode> nodes) {}

    private final OrgNodes nodes;
    private final JsonMapper json;

    DemoCitySeed(OrgNodes nodes, JsonMapper json) {
        this.nodes = nodes;
        this.json = json;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (nodes.count() > 0) {
            return false;
        }
        DemoCity city;
        try (InputStream in = new ClassPathResource("demo/city.json").getInputStream()) {
            city = json.readValue(in, DemoCity.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/city.json is unreadable", e);
        }
        Map<String, OrgNode> byCode = new HashMap<>();
        int sort = 0;
        for (DemoNode n : city.nodes()) {
            OrgNode parent = n.parent() == null ? null : byCode.get(n.parent());
            OrgNode created = nodes.insert(parent, new OrgNodes.NewNode(n.kind(), n.code(), n.name(), n.duties(),
                    n.contactPerson(), n.contactPhone(), n.address(), sort++));
            byCode.put(created.code(), created);
        }
        return true;
    }
}
