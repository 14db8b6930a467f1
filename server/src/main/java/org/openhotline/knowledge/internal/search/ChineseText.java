package org.openhotline.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How Chinese text is cut for the index and for queries. Words come from smartcn (hidden Markov model segmentation,
 * precise: 施工噪音扰民 → 施工 / 噪音 / 扰民); the {@code *_bi} fields hold overlapping character bigrams (施工 工噪 噪音
 * 音扰 扰民) so that a word smartcn cuts differently in the question and in the article is still found. A question's
 * filler words (请问, 怎么办, 我家…) are dropped before either is built: they say nothing about which article answers.
 */
public final class ChineseText {

    static final Analyzer WORDS = new SmartChineseAnalyzer();
    static final Analyzer BIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(source));
            return new TokenStreamComponents(source, new CJKBigramFilter(stream));
        }
    };
    static final Analyzer INDEX = new PerFieldAnalyzerWrapper(WORDS,
            Map.of("title_bi", BIGRAMS, "body_bi", BIGRAMS, "keywords_bi", BIGRAMS));

    private static final Set<String> FILLERS = Set.of("请问", "你好", "您好", "想问", "问问", "问一下", "咨询", "一下",
            "怎么", "怎么办", "怎么样", "怎样", "如何", "哪里", "哪儿", "哪个", "哪些", "什么", "是否", "可以", "能不能",
            "能否", "能", "吗", "呢", "吧", "啊", "呀", "了", "的", "地", "得", "我", "我们", "我家", "你们", "他们", "他", "她",
            "这个", "那个", "这", "那", "有没有", "有", "没有", "是", "在", "和", "与", "或", "及", "要", "想", "需要", "应该",
            "去", "到", "给", "被", "把", "就", "都", "也", "还", "又", "很", "太", "一个", "个", "谁", "为什么", "办",
            "现在", "今天", "最近", "一直", "已经", "一些", "知道", "告诉", "帮", "帮忙", "谢谢", "麻烦");

    private ChineseText() {}

    /** Full-width to half-width, lower case, collapsed blanks. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** What a query means for the index: its words (fillers dropped) and the text its bigrams are made from. */
    public record Terms(List<String> words, String bigramText) {
        public boolean isEmpty() {
            return words.isEmpty() && bigramText.isBlank();
        }
    }

    public static Terms terms(String query) {
        String q = normalize(query);
        List<String> words = new ArrayList<>();
        StringBuilder bigramText = new StringBuilder(q);
        try (TokenStream ts = WORDS.tokenStream("body", q)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            Set<String> seen = new LinkedHashSet<>();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (FILLERS.contains(t)) {
                    for (int i = offset.startOffset(); i < offset.endOffset() && i < bigramText.length(); i++) {
                        bigramText.setCharAt(i, ' ');
                    }
                } else if (seen.add(t)) {
                    words.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bi = bigramText.toString().replaceAll("\\s+", " ").strip();
        if (words.isEmpty() && bi.isEmpty()) {
            // A question of fillers only ("怎么办"): search for it as written rather than for nothing.
            return new Terms(tokens(WORDS, q), q);
        }
        return new Terms(words, bi);
    }

    /** A word of a text as smartcn cut it, where it stands, and whether it is a filler. */
    public record Word(String text, int start, int end, boolean filler) {}

    /** The words of an already {@link #normalize normalized} text, in order, fillers included (flagged). */
    public static List<Word> words(String normalized) {
        List<Word> out = new ArrayList<>();
        try (TokenStream ts = WORDS.tokenStream("body", normalized)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                out.add(new Word(t, offset.startOffset(), offset.endOffset(), FILLERS.contains(t)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static boolean isFiller(String word) {
        return FILLERS.contains(word);
    }
}
