package org.openhotline.workorder.internal.dispatch.suggest;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;

/**
 * The region of an appeal from its address and text, matched against the region tree: district, street and community
 * names and their short forms (东湖区 / 东湖, 湖滨街道 / 湖滨, 东湖第一社区). HanLP (portable, offline) cuts the text
 * into words and tags place (ns), organisation (nt) and person (nr) names: a short form inside a person's name
 * (王建设) or a road's name (建设路) is not a region, and the places it recognises are shown as the reason.
 */
public final class RegionFinder {

    public record Found(OrgNode region, String matched, List<String> places) {}

    private record Alias(String text, OrgNode node) {}

    private static final String ROAD_TAILS = "路街巷道桥";

    private final Map<String, List<OrgNode>> aliases = new HashMap<>();
    private final int longest;
    private final Map<Long, OrgNode> byId = new HashMap<>();

    public RegionFinder(List<OrgNode> nodes) {
        int max = 0;
        for (OrgNode n : nodes) {
            byId.put(n.id(), n);
            if (n.kind() != OrgNodeKind.DISTRICT && n.kind() != OrgNodeKind.STREET && n.kind() != OrgNodeKind.COMMUNITY) {
                continue;
            }
            for (String a : aliasesOf(n)) {
                aliases.computeIfAbsent(a, k -> new ArrayList<>()).add(n);
                max = Math.max(max, a.length());
            }
        }
        longest = max;
    }

    private static Set<String> aliasesOf(OrgNode n) {
        Set<String> out = new LinkedHashSet<>();
        out.add(n.name());
        String shortName = n.name().replaceFirst("(街道|社区居委会|社区|村委会|村|镇|乡|区|县)$", "");
        if (shortName.length() >= 2) {
            out.add(shortName);
        }
        return out;
    }

    /** Loads HanLP's dictionaries now rather than on the first appeal. */
    public static void warmUp() {
        segment().seg("江州市东湖区人民路");
    }

    private static Segment segment() {
        return HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true).enableOffset(true);
    }

    /** The deepest region named consistently in the address (first) or the text; empty when none is named. */
    public Optional<Found> find(String address, String text) {
        for (String source : new String[] {address, text}) {
            if (source == null || source.isBlank()) {
                continue;
            }
            List<Term> terms = segment().seg(source);
            List<Alias> hits = scan(source, terms);
            if (!hits.isEmpty()) {
                return Optional.of(best(hits, places(terms)));
            }
        }
        return Optional.empty();
    }

    private List<Alias> scan(String s, List<Term> terms) {
        List<Alias> hits = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            Alias hit = null;
            for (int len = Math.min(longest, s.length() - i); len >= 2 && hit == null; len--) {
                String sub = s.substring(i, i + len);
                List<OrgNode> nodes = aliases.get(sub);
                if (nodes != null && !insidePersonName(terms, i, len) && !roadName(s, i + len, sub)) {
                    OrgNode deepest = nodes.stream().max(Comparator.comparingInt(OrgNode::depth)).orElseThrow();
                    hit = new Alias(sub, deepest);
                    nodes.stream().filter(n -> n != deepest).forEach(n -> hits.add(new Alias(sub, n)));
                }
            }
            if (hit != null) {
                hits.add(hit);
                i += hit.text().length();
            } else {
                i++;
            }
        }
        return hits;
    }

    /** 建设路, 文昌街 (but not 文昌街道): a road named like a street office's area. */
    private static boolean roadName(String s, int end, String alias) {
        if (end >= s.length() || alias.endsWith("街道") || alias.endsWith("社区")) {
            return false;
        }
        char next = s.charAt(end);
        return ROAD_TAILS.indexOf(next) >= 0 && !s.startsWith("街道", end) && !s.startsWith("道办", end);
    }

    private static boolean insidePersonName(List<Term> terms, int offset, int length) {
        for (Term t : terms) {
            if (t.offset <= offset && t.offset + t.word.length() >= offset + length) {
                return t.nature != null && t.nature.toString().startsWith("nr") && t.word.length() > length;
            }
        }
        return false;
    }

    private static List<String> places(List<Term> terms) {
        return terms.stream().filter(t -> t.nature != null && (t.nature.toString().startsWith("ns") || t.nature.toString().startsWith("nt")))
                .map(t -> t.word).distinct().limit(5).toList();
    }

    /** The hit with most support: itself and the other hits that are its ancestors; deeper wins a tie. */
    private Found best(List<Alias> hits, List<String> places) {
        Alias best = null;
        int bestSupport = -1;
        for (Alias h : hits) {
            int support = 0;
            for (Alias o : hits) {
                if (h.node().path().startsWith(o.node().path())) {
                    support++;
                }
            }
            if (support > bestSupport || support == bestSupport && h.node().depth() > best.node().depth()) {
                best = h;
                bestSupport = support;
            }
        }
        return new Found(best.node(), best.text(), places);
    }
}
