package org.openhotline.reporting.internal.bigscreen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openhotline.organization.Organization;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The districts of the demo city 江州市 as GeoJSON (a drawn, fictional map in {@code reporting/jiangzhou-districts.geojson};
 * no online map service), each feature named by its district's code and given the district's org-node id, which
 * is how the big screen's order counts by district find their polygon. An installation replaces the file with its
 * own city's districts, keeping the codes of its organization tree.
 */
@Component
class DistrictMap {

    static final String RESOURCE = "reporting/jiangzhou-districts.geojson";

    private final JsonMapper json;
    private final Organization organization;

    DistrictMap(JsonMapper json, Organization organization) {
        this.json = json;
        this.organization = organization;
    }

    JsonNode geoJson() {
        JsonNode map;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            map = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode feature : map.path("features")) {
            ObjectNode props = (ObjectNode) feature.path("properties");
            organization.nodeByCode(props.path("code").asString()).ifPresent(n -> {
                props.put("id", n.id());
                props.put("name", n.name());
            });
        }
        return map;
    }
}
