package org.openhotline.workorder.internal.dispatch.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The matters of the demo year, read from {@code demo/history-matters.txt}: what citizens call about, who handles it
 * (by the units' duties in demo/city.json) and the many ways of saying it. A text file, because the list is long and
 * is edited by people who know the hotline rather than the code; its format is described at its top.
 */
final class HistoryMatters {

    static final String RESOURCE = "/demo/history-matters.txt";

    /** A matter: its category name, appeal type, unit ({@link HistoryAppeals} conventions), weight, wordings, details. */
    record Matter(String category, String type, String unit, int weight, List<String> says, List<String> details) {}

    private HistoryMatters() {}

    static List<Matter> read() {
        try (InputStream in = HistoryMatters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Matter> parse(String text) {
        List<Matter> out = new ArrayList<>();
        String[] head = null;
        List<String> says = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int n = 0;
        for (String raw : (text + "\n== end").split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (head != null) {
                    if (says.isEmpty()) {
                        throw new IllegalStateException(RESOURCE + ": a matter without wordings before line " + n);
                    }
                    out.add(new Matter(head[0], head[1], head[2].equals("-") ? null : head[2], Integer.parseInt(head[3]),
                            List.copyOf(says), List.copyOf(details)));
                    says.clear();
                    details.clear();
                }
                head = line.equals("== end") ? null : line.substring(3).split("\\s*\\|\\s*");
                if (head != null && head.length != 4) {
                    throw new IllegalStateException(RESOURCE + ": line " + n + " is not '== 分类 | 类型 | 承办 | 权重'");
                }
            } else if (head != null && (line.startsWith("- ") || line.startsWith("+ "))) {
                (line.charAt(0) == '-' ? says : details).add(line.substring(2).strip());
            } else {
                throw new IllegalStateException(RESOURCE + ": line " + n + " not understood: " + line);
            }
        }
        return List.copyOf(out);
    }
}
