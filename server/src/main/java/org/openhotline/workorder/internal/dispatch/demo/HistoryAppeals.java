package org.openhotline.workorder.internal.dispatch.demo;

import java.util.List;
import java.util.Random;

/**
 * The appeals of the demo year, in varied wording: each matter (what is wrong and who handles it) has several ways of
 * saying it, and an opening, a detail and a request are drawn around it, so that the dispatch model learns from the
 * words of a matter rather than from one sentence repeated. Units follow the history's conventions: a city unit's
 * code, {@code D:XXX} for the order's district's unit, {@code S} for the order's street office, null for a question
 * answered at once. The evaluation appeals in bench/smart/dispatch were written apart from this file.
 */
public final class HistoryAppeals {

    /** One generated appeal; {@code matter}: which matter of the list it says (for the bench's leave-matters-out split). */
    public record Appeal(String category, String type, String unit, String content, int matter) {}

    /** The matters, as {@code demo/history-matters.txt} lists them (read once per JVM). */
    static final List<HistoryMatters.Matter> MATTERS = HistoryMatters.read();

    /**
     * How an order starts and ends, in the registers of a real year: an agent's summary ("市民来电反映："), a citizen's own
     * words typed by the agent or online ("你好，", "麻烦你们管一管"), or nothing at all. The endings also carry the
     * complaints every matter shares (一直没人管, 找了好几个部门), so that such words point to no unit in particular.
     */
    private static final String[] OPENINGS = {"", "", "", "", "", "市民来电反映：", "来电人称，", "市民反映，", "网友留言：",
            "诉求人表示：", "来电反映", "市民投诉：", "群众反映：", "你好，", "您好，我想反映个事，", "我要投诉，", "麻烦问一下，",
            "我想问问，", "是这样的，"};
    private static final String[] ASKS = {"", "", "。", "，请相关部门尽快处理。", "，希望有关部门重视。", "，请帮忙协调解决。",
            "，要求尽快答复。", "，希望得到解决。", "，麻烦你们管一管", "，到底归谁管啊", "，一直没人管", "，找了好几个部门都说不归他们管",
            "，打了好几次电话了还是没解决", "，麻烦尽快派人来看看", "，谢谢", "，希望给个说法", "，实在没办法了才打的这个电话",
            "，这事拖了好久了"};

    private final int total = MATTERS.stream().mapToInt(HistoryMatters.Matter::weight).sum();

    /**
     * Which wordings a draw may use. The evaluation tunes the dispatch model on wordings it never trained on, as real
     * appeals will be: {@code TRAINING} leaves out one wording of every matter that has three or more, and
     * {@code VALIDATION} draws only those left-out wordings (so only from those matters).
     */
    public enum Split { ALL, TRAINING, VALIDATION }

    /** The next appeal of the year, drawn by the matters' weights. */
    public Appeal next(Random random) {
        return next(random, Split.ALL);
    }

    /** The next appeal of the year from the wordings {@code split} allows (the same {@code random}, the same appeal). */
    public Appeal next(Random random, Split split) {
        List<HistoryMatters.Matter> matters = split == Split.VALIDATION
                ? MATTERS.stream().filter(mt -> mt.says().size() >= 3).toList() : MATTERS;
        int x = random.nextInt(split == Split.VALIDATION ? matters.stream().mapToInt(HistoryMatters.Matter::weight).sum() : total);
        HistoryMatters.Matter matter = matters.getLast();
        for (HistoryMatters.Matter mt : matters) {
            if (x < mt.weight()) {
                matter = mt;
                break;
            }
            x -= mt.weight();
        }
        // the same draws in the same order as before the split existed, so the demo year stays the same
        String opening = OPENINGS[random.nextInt(OPENINGS.length)];
        int says = matter.says().size();
        int index = MATTERS.indexOf(matter);
        int heldOut = says >= 3 ? index % says : -1;
        int say = switch (split) {
            case ALL -> random.nextInt(says);
            case VALIDATION -> heldOut;
            case TRAINING -> heldOut < 0 ? random.nextInt(says) : (heldOut + 1 + random.nextInt(says - 1)) % says;
        };
        String said = matter.says().get(say);
        // a wording already in the agent's words ("市民反映其…") takes no second opening
        StringBuilder s = new StringBuilder(said.startsWith("市民") || said.startsWith("群众") ? "" : opening).append(said);
        if (!matter.details().isEmpty() && random.nextDouble() < 0.7) {
            int first = random.nextInt(matter.details().size());
            s.append("，").append(matter.details().get(first));
            // a citizen telling the story says more than one thing about it now and then
            if (matter.details().size() > 1 && random.nextDouble() < 0.3) {
                s.append("，").append(matter.details().get((first + 1 + random.nextInt(matter.details().size() - 1)) % matter.details().size()));
            }
        }
        s.append(ASKS[random.nextInt(ASKS.length)]);
        String content = s.toString().replace("。，", "，").replaceAll("。$", "");
        return new Appeal(matter.category(), matter.type(), matter.unit(), content, index);
    }

    /** The unit each matter names ({@code D:XXX}, {@code S}, a city unit's code, null), in the list's order. */
    public static List<String> matterUnits() {
        return MATTERS.stream().map(HistoryMatters.Matter::unit).toList();
    }

    /** Share of the year's appeals that go to a unit (the rest are answered at once). */
    public static double dispatchedShare() {
        int all = MATTERS.stream().mapToInt(HistoryMatters.Matter::weight).sum();
        return (double) MATTERS.stream().filter(m -> m.unit() != null).mapToInt(HistoryMatters.Matter::weight).sum() / all;
    }
}
