package org.openhotline.knowledge.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.knowledge.internal.articles.RichText;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo knowledge base, generated from two small resources: {@code knowledge/demo-city.txt} (city-wide guidance,
 * one article each) and {@code knowledge/demo-local.txt} (templates filled in for each district and each street,
 * with that district's address, phone numbers and streets). Format: a line {@code @ 栏目/子栏目 | 标题 | 关键词 |
 * 政策依据} starts an article (template lines use {@code @} per district, {@code @@} per street), every following
 * line is a paragraph.
 */
public final class DemoArticles {

    public record Demo(String categoryPath, String title, String keywords, String policy, String body, String region) {}

    record District(String code, String name, String road, String phone) {}

    record Street(String code, String name, String district) {}

    private DemoArticles() {}

    public static List<Demo> all() {
        List<Demo> out = new ArrayList<>(parse(read("knowledge/demo-city.txt"), s -> s, ""));
        List<String> local = read("knowledge/demo-local.txt");
        List<District> districts = new ArrayList<>();
        List<Street> streets = new ArrayList<>();
        List<String> perDistrict = new ArrayList<>();
        List<String> perStreet = new ArrayList<>();
        List<String> current = null;
        for (String line : local) {
            if (line.startsWith("%% ")) {
                String[] f = fields(line.substring(3));
                streets.add(new Street(f[0], f[1], f[2]));
            } else if (line.startsWith("% ")) {
                String[] f = fields(line.substring(2));
                districts.add(new District(f[0], f[1], f[2], f[3]));
            } else if (line.startsWith("@@ ")) {
                current = perStreet;
                current.add(line.substring(1));
            } else if (line.startsWith("@ ")) {
                current = perDistrict;
                current.add(line);
            } else if (current != null && !line.startsWith("#")) {
                current.add(line);
            }
        }
        for (District d : districts) {
            String streetNames = String.join("、", streets.stream().filter(s -> s.district().equals(d.code()))
                    .map(Street::name).limit(3).toList());
            out.addAll(parse(perDistrict, s -> s.replace("{区}", d.name()).replace("{路}", d.road())
                    .replace("{电话}", d.phone()).replace("{街道}", streetNames), d.code()));
        }
        for (Street s : streets) {
            String district = districts.stream().filter(d -> d.code().equals(s.district())).findFirst()
                    .map(District::name).orElse("");
            out.addAll(parse(perStreet, t -> t.replace("{街道}", s.name()).replace("{区}", district), s.code()));
        }
        return out;
    }

    private static List<Demo> parse(List<String> lines, java.util.function.UnaryOperator<String> fill, String region) {
        List<Demo> out = new ArrayList<>();
        String[] head = null;
        StringBuilder body = new StringBuilder();
        for (String raw : lines) {
            if (raw.startsWith("#") || raw.isBlank()) {
                continue;
            }
            String line = fill.apply(raw);
            if (line.startsWith("@ ")) {
                if (head != null) {
                    out.add(demo(head, body, region));
                }
                head = fields(line.substring(2));
                body.setLength(0);
            } else if (head != null) {
                body.append("<p>").append(RichText.escape(line.strip())).append("</p>");
            }
        }
        if (head != null) {
            out.add(demo(head, body, region));
        }
        return out;
    }

    private static Demo demo(String[] head, StringBuilder body, String region) {
        return new Demo(head[0], head[1], head[2], head.length > 3 ? head[3] : "", body.toString(), region);
    }

    private static String[] fields(String line) {
        return java.util.Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }

    private static List<String> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
