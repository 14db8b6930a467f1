package org.openhotline.knowledge.internal.articles;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article body as stored: HTML reduced to a whitelist of tags without attributes (links keep an http(s) href
 * only), so that what an editor pastes cannot run script in an agent's browser; and the plain text derived from it
 * for search, snippets and citations. Every tag in the output is one this class wrote.
 */
public final class RichText {

    private static final Set<String> ALLOWED = Set.of("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b",
            "em", "i", "u", "table", "thead", "tbody", "tr", "td", "th", "blockquote", "a", "span", "div", "hr");
    private static final Set<String> DROP_WITH_CONTENT = Set.of("script", "style", "iframe", "object", "embed",
            "noscript", "template", "svg", "math", "textarea", "select");
    private static final Set<String> VOID = Set.of("br", "hr");
    private static final Set<String> BLOCK = Set.of("p", "br", "h2", "h3", "h4", "li", "tr", "div", "blockquote",
            "hr", "table", "ul", "ol");
    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private RichText() {}

    public static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length());
        Matcher m = TOKEN.matcher(html);
        int pos = 0;
        String dropping = null;
        while (m.find()) {
            if (dropping == null) {
                out.append(escapeText(html.substring(pos, m.start())));
            }
            pos = m.end();
            if (m.group(2) == null) {
                continue; // a comment
            }
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (dropping != null) {
                if (closing && tag.equals(dropping)) {
                    dropping = null;
                }
                continue;
            }
            if (DROP_WITH_CONTENT.contains(tag)) {
                if (!closing && !m.group(3).trim().endsWith("/")) {
                    dropping = tag;
                }
                continue;
            }
            if (!ALLOWED.contains(tag) || (closing && VOID.contains(tag))) {
                continue;
            }
            if (closing) {
                out.append("</").append(tag).append('>');
            } else if (tag.equals("a")) {
                out.append("<a").append(safeHref(m.group(3))).append('>');
            } else {
                out.append('<').append(tag).append('>');
            }
        }
        if (dropping == null) {
            out.append(escapeText(html.substring(pos)));
        }
        return out.toString().trim();
    }

    /** The text of sanitized HTML: block tags become line breaks, entities are decoded, blank lines dropped. */
    public static String text(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Matcher m = TOKEN.matcher(html);
        int pos = 0;
        while (m.find()) {
            out.append(html, pos, m.start());
            pos = m.end();
            if (m.group(2) != null && BLOCK.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                out.append('\n');
            }
        }
        out.append(html.substring(pos));
        String decoded = decode(out.toString());
        return decoded.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Plain text as paragraphs of HTML (imports from Excel and questions' answers). */
    public static String fromText(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> "<p>" + escape(l) + "</p>")
                .collect(java.util.stream.Collectors.joining());
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escapeText(String s) {
        // Keep well-formed entities, escape every other ampersand and any stray angle bracket.
        StringBuilder out = new StringBuilder(s.length());
        Matcher e = ENTITY.matcher(s);
        int pos = 0;
        while (e.find()) {
            out.append(escape(s.substring(pos, e.start()))).append(e.group());
            pos = e.end();
        }
        return out.append(escape(s.substring(pos))).toString();
    }

    private static String safeHref(String attributes) {
        Matcher h = HREF.matcher(attributes);
        if (!h.find()) {
            return "";
        }
        String url = decode(h.group(2) != null ? h.group(2) : h.group(3) != null ? h.group(3) : h.group(4)).strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return "";
        }
        return " href=\"" + escape(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\"";
    }

    private static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher e = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (e.find()) {
            String name = e.group(1);
            String ch = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                case "nbsp" -> " ";
                default -> name.startsWith("#x") ? Character.toString(Integer.parseInt(name.substring(2), 16))
                        : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1)))
                        : e.group();
            };
            e.appendReplacement(out, Matcher.quoteReplacement(ch));
        }
        e.appendTail(out);
        return out.toString();
    }
}
