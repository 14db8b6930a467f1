package org.openhotline.workorder.internal.dispatch.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;

/** Regions from addresses and texts, against a small tree shaped like the demo city's. */
class RegionFinderTest {

    private static OrgNode node(long id, Long parent, OrgNodeKind kind, String name, String path, int depth) {
        return new OrgNode(id, parent, kind, "C" + id, name, path, depth, null, null, null, null, true, 0, 0);
    }

    private static final List<OrgNode> TREE = List.of(
            node(1, null, OrgNodeKind.CITY, "江州市", "/1/", 0),
            node(2, 1L, OrgNodeKind.DISTRICT, "东湖区", "/1/2/", 1),
            node(3, 2L, OrgNodeKind.STREET, "东湖街道", "/1/2/3/", 2),
            node(4, 2L, OrgNodeKind.STREET, "湖滨街道", "/1/2/4/", 2),
            node(5, 2L, OrgNodeKind.STREET, "建设街道", "/1/2/5/", 2),
            node(6, 4L, OrgNodeKind.COMMUNITY, "湖滨第一社区", "/1/2/4/6/", 3),
            node(7, 1L, OrgNodeKind.DISTRICT, "西山区", "/1/7/", 1),
            node(8, 7L, OrgNodeKind.STREET, "翠屏街道", "/1/7/8/", 2));

    private final RegionFinder finder = new RegionFinder(TREE);

    @Test
    void theDeepestConsistentRegionWins() {
        assertThat(finder.find("东湖区湖滨街道人民路12号", null).orElseThrow().region().name()).isEqualTo("湖滨街道");
        assertThat(finder.find("湖滨第一社区3栋", null).orElseThrow().region().name()).isEqualTo("湖滨第一社区");
        assertThat(finder.find(null, "我住在西山区，小区门口垃圾没人收").orElseThrow().region().name()).isEqualTo("西山区");
    }

    @Test
    void aRoadOrAPersonNamedLikeAStreetIsNotThatStreet() {
        // 湖滨 is the street; 建设路 is a road there, not 建设街道.
        assertThat(finder.find("湖滨建设路5号", null).orElseThrow().region().name()).isEqualTo("湖滨街道");
        assertThat(finder.find("翠屏路88号", null)).isEmpty();
        assertThat(finder.find(null, "邻居王建设家天天吵闹")).isEmpty();
    }
}
