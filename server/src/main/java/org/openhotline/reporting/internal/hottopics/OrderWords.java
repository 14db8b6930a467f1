package org.openhotline.reporting.internal.hottopics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * The words of an order's text for hot topics: smartcn's segmentation, Chinese words of two characters or more,
 * without the words every order has (市民, 反映, 问题…). A word is counted once per order.
 */
@Component
class OrderWords {

    private static final Set<String> COMMON = Set.of("市民", "来电", "反映", "咨询", "投诉", "建议", "举报", "求助", "问题",
            "要求", "希望", "表示", "情况", "处理", "解决", "现在", "目前", "没有", "已经", "我们", "他们", "自己", "进行",
            "相关", "部门", "可以", "一个", "这个", "那个", "什么", "如何", "怎么", "是否", "为什么", "请求", "帮助",
            "工作人员", "附近", "一直", "多次", "时候", "今天", "昨天", "每天", "小区", "居民");

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.length() >= 2 && w.length() <= 8 && w.codePoints().allMatch(OrderWords::han) && !COMMON.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
