package org.openhotline.quality.internal.machine.rules;

import static org.openhotline.quality.internal.machine.rules.RuleCodes.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.machine.acoustic.AcousticAnalysis;
import org.openhotline.quality.internal.machine.acoustic.ChannelAnalysis;
import org.openhotline.quality.internal.machine.acoustic.Segment;

/**
 * The acoustic rules over an analysed recording. A long silence of the agent is a hold (or an agent who left the
 * line), not dead air: silences of both sides inside it are not flagged twice.
 */
public final class AcousticRules {

    /** Speech shorter than this in total says nothing about shares and rates. */
    static final long MIN_SPEECH_FOR_SHARES_MS = 10_000;

    private AcousticRules() {}

    public static List<Finding> evaluate(AcousticAnalysis a, Map<String, RuleSetting> rules) {
        List<Finding> out = new ArrayList<>();
        List<Segment> holds = new ArrayList<>();
        RuleSetting hold = on(rules, LONG_SILENCE_HOLD);
        if (hold != null) {
            for (Segment gap : agentSilences(a)) {
                if (gap.length() >= hold.threshold() * 1000) {
                    holds.add(gap);
                    out.add(new Finding(hold.code(), hold.severity(), gap.start(), gap.end(),
                            "坐席连续 " + seconds(gap.length()) + " 秒无声音（保持或离开）"));
                }
            }
        }
        RuleSetting dead = on(rules, DEAD_AIR);
        if (dead != null) {
            for (Segment gap : gaps(union(a.citizen().speech(), a.agent().speech()), -1)) {
                if (gap.length() >= dead.threshold() * 1000 && holds.stream().noneMatch(h -> h.overlaps(gap))) {
                    out.add(new Finding(dead.code(), dead.severity(), gap.start(), gap.end(),
                            "双方 " + seconds(gap.length()) + " 秒无人说话"));
                }
            }
        }
        RuleSetting over = on(rules, TALK_OVER);
        if (over != null) {
            talkOver(a, over, out);
        }
        RuleSetting loud = on(rules, SHOUTING);
        if (loud != null) {
            shouting(a.citizen(), "市民", loud, out);
            shouting(a.agent(), "坐席", loud, out);
        }
        long speech = a.agent().speechMillis() + a.citizen().speechMillis();
        RuleSetting share = on(rules, AGENT_SHARE);
        if (share != null && speech >= MIN_SPEECH_FOR_SHARES_MS && a.agentSharePercent() > share.threshold()) {
            out.add(new Finding(share.code(), share.severity(), 0, a.lengthMillis(),
                    "坐席说话占 " + Math.round(a.agentSharePercent()) + "%"));
        }
        RuleSetting rate = on(rules, SPEECH_RATE);
        double sps = a.agent().syllablesPerSecond();
        if (rate != null && !Double.isNaN(sps) && sps > rate.threshold()) {
            out.add(new Finding(rate.code(), rate.severity(), 0, a.lengthMillis(),
                    String.format("坐席语速约每秒 %.1f 个音节", sps)));
        }
        out.sort(Comparator.comparingLong(Finding::startMs));
        return out;
    }

    private static void talkOver(AcousticAnalysis a, RuleSetting rule, List<Finding> out) {
        for (Segment c : a.citizen().speech()) {
            for (Segment g : a.agent().speech()) {
                if (!c.overlaps(g)) continue;
                Segment both = new Segment(Math.max(c.start(), g.start()), Math.min(c.end(), g.end()));
                if (both.length() < rule.threshold() * 1000) continue;
                // Whoever started while the other was already talking interrupted.
                String who = g.start() > c.start() ? "坐席打断市民" : "市民打断坐席";
                out.add(new Finding(rule.code(), rule.severity(), both.start(), both.end(),
                        who + "，同时说话 " + seconds(both.length()) + " 秒"));
            }
        }
    }

    private static void shouting(ChannelAnalysis channel, String who, RuleSetting rule, List<Finding> out) {
        for (Segment s : channel.loudStretches(rule.threshold())) {
            out.add(new Finding(rule.code(), rule.severity(), s.start(), s.end(),
                    who + "音量比平常高 " + (int) rule.threshold() + " dB 以上，持续 " + seconds(s.length()) + " 秒"));
        }
    }

    /** The agent's silences after the agent first spoke, up to the end of the recording. */
    private static List<Segment> agentSilences(AcousticAnalysis a) {
        return gaps(a.agent().speech(), a.lengthMillis());
    }

    /** Gaps between segments; with {@code end} ≥ 0 also the gap from the last segment to {@code end}. */
    static List<Segment> gaps(List<Segment> segments, long end) {
        List<Segment> out = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            out.add(new Segment(segments.get(i - 1).end(), segments.get(i).start()));
        }
        if (end >= 0 && !segments.isEmpty() && segments.getLast().end() < end) {
            out.add(new Segment(segments.getLast().end(), end));
        }
        return out;
    }

    static List<Segment> union(List<Segment> a, List<Segment> b) {
        List<Segment> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(Segment::start));
        List<Segment> out = new ArrayList<>();
        for (Segment s : all) {
            if (!out.isEmpty() && out.getLast().end() >= s.start()) {
                Segment last = out.removeLast();
                out.add(new Segment(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static RuleSetting on(Map<String, RuleSetting> rules, String code) {
        RuleSetting r = rules.get(code);
        return r != null && r.enabled() ? r : null;
    }

    static String seconds(long ms) {
        return String.format("%.1f", ms / 1000.0);
    }
}
