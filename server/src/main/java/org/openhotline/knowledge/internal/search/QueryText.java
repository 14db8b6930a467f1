package org.openhotline.knowledge.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What a search box text asks for, cut once: its meaningful words as <em>slots</em> (a slot is one word, or a synonym
 * group the text mentions, whose alternatives are the group's members, each as the words smartcn cuts it into), the
 * character bigrams of the text without its filler words, the words to highlight, and the plain words (yellow pages).
 */
record QueryText(List<List<List<String>>> slots, List<String> grams, List<String> highlight, List<String> words) {

    /** Synonym members are short and few: each is cut once. */
    private static final Map<String, List<String>> MEMBER_WORDS = new ConcurrentHashMap<>();

    static QueryText read(String query, List<Synonyms.Mention> mentions) {
        String text = ChineseText.normalize(query);
        List<ChineseText.Word> cut = ChineseText.words(text);
        boolean fillersOnly = cut.stream().allMatch(ChineseText.Word::filler);
        boolean[] taken = new boolean[cut.size()];
        List<List<List<String>>> slots = new ArrayList<>();
        Set<String> highlight = new LinkedHashSet<>();
        for (Synonyms.Mention m : mentions) {
            List<String> inside = new ArrayList<>();
            for (int from = text.indexOf(m.present()); from >= 0; from = text.indexOf(m.present(), from + 1)) {
                int to = from + m.present().length();
                for (int i = 0; i < cut.size(); i++) {
                    var w = cut.get(i);
                    if (w.start() >= from && w.end() <= to) {
                        taken[i] = true;
                        if (!w.filler() && !inside.contains(w.text())) {
                            inside.add(w.text());
                        }
                    }
                }
            }
            Set<List<String>> alternatives = new LinkedHashSet<>();
            for (String member : m.group()) {
                List<String> words = member.equals(m.present()) && !inside.isEmpty() ? inside : memberWords(member);
                if (!words.isEmpty()) {
                    alternatives.add(words);
                }
                // Alone, smartcn cuts 社会保险 into 社会/保险; inside a sentence it keeps it whole: look for both.
                if (words.size() != 1 || !words.getFirst().equals(member)) {
                    alternatives.add(List.of(member));
                }
                highlight.add(member);
            }
            if (!alternatives.isEmpty()) {
                slots.add(List.copyOf(alternatives));
                alternatives.forEach(highlight::addAll);
            }
        }
        List<String> words = new ArrayList<>();
        StringBuilder bigramText = new StringBuilder(text);
        for (int i = 0; i < cut.size(); i++) {
            var w = cut.get(i);
            if (w.filler() && !fillersOnly) {
                for (int c = w.start(); c < w.end() && c < bigramText.length(); c++) {
                    bigramText.setCharAt(c, ' ');
                }
                continue;
            }
            if (!words.contains(w.text())) {
                words.add(w.text());
                highlight.add(w.text());
                if (!taken[i]) {
                    slots.add(List.of(List.of(w.text())));
                }
            }
        }
        List<String> grams = ChineseText.tokens(ChineseText.BIGRAMS, bigramText.toString()).stream().distinct().toList();
        return new QueryText(List.copyOf(slots), grams, Highlights.markable(highlight), List.copyOf(words));
    }

    private static List<String> memberWords(String member) {
        List<String> cached = MEMBER_WORDS.get(member);
        if (cached == null) {
            cached = ChineseText.words(ChineseText.normalize(member)).stream().filter(w -> !w.filler())
                    .map(ChineseText.Word::text).distinct().toList();
            if (MEMBER_WORDS.size() > 10_000) {
                MEMBER_WORDS.clear();
            }
            MEMBER_WORDS.put(member, cached);
        }
        return cached;
    }

    boolean isEmpty() {
        return slots.isEmpty() && grams.isEmpty();
    }

    /** Every word the slots search for. */
    Set<String> slotWords() {
        Set<String> out = new LinkedHashSet<>();
        slots.forEach(s -> s.forEach(out::addAll));
        return out;
    }

    /**
     * Without the words and bigrams found in so many articles that they say nothing about which one answers (their
     * long postings are what a query spends its time on) — unless nothing else would be left.
     */
    QueryText withoutCommon(Set<String> commonWords, Set<String> commonGrams) {
        Predicate<List<String>> rare = alt -> alt.stream().anyMatch(w -> !commonWords.contains(w));
        List<List<List<String>>> kept = new ArrayList<>();
        for (List<List<String>> slot : slots) {
            List<List<String>> alts = slot.stream().filter(rare)
                    .map(alt -> alt.stream().filter(w -> !commonWords.contains(w)).toList()).distinct().toList();
            if (!alts.isEmpty()) {
                kept.add(alts);
            }
        }
        List<String> rareGrams = grams.stream().filter(g -> !commonGrams.contains(g)).toList();
        return new QueryText(kept.isEmpty() ? slots : kept, rareGrams.isEmpty() ? grams : rareGrams, highlight, words);
    }
}
