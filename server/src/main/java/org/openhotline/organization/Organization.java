package org.openhotline.organization;

import java.util.List;
import java.util.Optional;
import org.openhotline.organization.internal.OrgNodes;
import org.springframework.stereotype.Service;

/** What other modules may ask of the organization tree. */
@Service
public class Organization {

    private final OrgNodes nodes;

    Organization(OrgNodes nodes) {
        this.nodes = nodes;
    }

    public Optional<OrgNode> node(long id) {
        return nodes.find(id);
    }

    public Optional<OrgNode> nodeByCode(String code) {
        return nodes.findByCode(code);
    }

    /** Nodes of the given ids, in no particular order (for list screens that show names). */
    public List<OrgNode> nodes(java.util.Collection<Long> ids) {
        return nodes.findAll(ids);
    }

    /** The yellow pages: enabled units whose name or duties mention the most of these words, best first. */
    public List<OrgNode> unitsByDuty(List<String> words, int limit) {
        return nodes.unitsMatching(words, limit);
    }

    /** Every node of these kinds under (and including) the node at {@code scopePath}, parents before children. */
    public List<OrgNode> subtree(String scopePath, java.util.Collection<OrgNodeKind> kinds) {
        return nodes.subtree(scopePath, kinds);
    }

    public boolean isEmpty() {
        return nodes.count() == 0;
    }
}
