package org.openhotline.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Generates the bad requests for one endpoint: request 0 is larger than any body the platform accepts; the rest
 * are drawn at random from the kinds below. With {@code unreadableOnly}, only requests the server cannot read at
 * all (broken JSON, wrong content types, wrong JSON shapes), so that none can succeed.
 */
final class BadRequests {

    /** A request to send: raw target (path and query), headers, body bytes, and what was done to it. */
    record Request(String target, Map<String, String> headers, byte[] body, String describe) {}

    private static final String[] BROKEN_JSON = {"", "{", "}", "{\"a\":", "nul", "{'a':1}", "[1,2", "{\"a\":1}}",
            "{\"a\":1,}", "{\"a\":tru}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}", "\u0000", "{\"a\":01}",
            "{\"a\":NaN}", "{\"a\" 1}", "\uFEFF{\"a\":1", "{\"a\":\"\\ud800\"", "<xml/>", "a=1&b=2", "{{{{{{{{{{{"};

    private static final String[] WRONG_CONTENT_TYPES = {"text/plain", "*/*", "application/xml", "garbage",
            "application/json; charset=klingon", "application/x-www-form-urlencoded", "image/png",
            "", "multipart/mixed", "text/html; charset=utf-8", "application/*", "application/octet-stream", "/", ";;"};

    private static final String[] BROKEN_MULTIPART_TYPES = {"multipart/form-data", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"unterminated", "multipart/form-data; boundary=b; boundary=c",
            "multipart/form-data; charset=utf-8"};

    /** Raw path segments: not numbers, out of range, broken %-escapes, encoded NUL and slashes, raw UTF-8. */
    private static final String[] BROKEN_SEGMENTS = {"abc", "-1", "0", "99999999999999999999", "1.5", "%zz", "%",
            "%0", "%00", "%E4%B8", "%C0%AE", "%2e%2e", "%2F", "%5C", "中文", "a%20b", "1;jsessionid=1", "1e3", "null",
            "%u4E2D", "%FF%FE", "9223372036854775808", "-9223372036854775809", "%0A", "%09", "+"};

    private static final String[] BROKEN_QUERIES = {"page=abc", "size=-1", "x=%zz", "x=%00", "%zz=1", "a=1&a=2&&&",
            "page=99999999999999999999", "version=abc", "x=%E4%B8", "q=%FF", "x=" + "长".repeat(100),
            "=1", "&", "x=%2", "version=-1", "x=a%00b"};

    private static final String[] ACCEPTS = {"text/html", "application/xml", "image/png", "garbage", "text/csv",
            "application/octet-stream"};

    private final FuzzEndpoint endpoint;
    private final Random r;
    private final boolean unreadableOnly;

    BadRequests(FuzzEndpoint endpoint, Random r, boolean unreadableOnly) {
        this.endpoint = endpoint;
        this.r = r;
        this.unreadableOnly = unreadableOnly;
    }

    Request next(int index) {
        if (index == 0) {
            return oversized();
        }
        if (unreadableOnly) {
            return switch (r.nextInt(3)) {
                case 0 -> brokenJson();
                case 1 -> wrongContentType();
                default -> wrongShape();
            };
        }
        if (endpoint.multipart()) {
            return switch (r.nextInt(6)) {
                case 0 -> brokenMultipart();
                case 1 -> brokenPath();
                case 2 -> brokenQuery();
                case 3 -> wrongContentType();
                default -> multipart();
            };
        }
        return switch (r.nextInt(14)) {
            case 0 -> brokenJson();
            case 1 -> wrongContentType();
            case 2 -> brokenMultipart();
            case 3 -> brokenPath();
            case 4 -> brokenQuery();
            case 5 -> nulEverywhere();
            case 6 -> wrongShape();
            case 7 -> wrongAccept();
            default -> mutated();
        };
    }

    private String path() {
        return endpoint.path(r, null);
    }

    private Object sampleBody() {
        return endpoint.bodyType() == null ? new LinkedHashMap<String, Object>() : FuzzJson.sample(endpoint.bodyType(), r, 0);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private Request mutated() {
        Object body = sampleBody();
        String changes = FuzzJson.mutate(body, r);
        String text = FuzzJson.write(body);
        return new Request(path(), json(), utf8(text), "JSON " + changes + " " + FuzzJson.abbreviate(text));
    }

    private Request oversized() {
        String text = "{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        return new Request(path(), json(), utf8(text), "JSON body of 3 MB");
    }

    private Request brokenJson() {
        String text = BROKEN_JSON[r.nextInt(BROKEN_JSON.length)];
        byte[] body = r.nextInt(8) == 0 ? new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '{'} : utf8(text);
        return new Request(path(), json(), body, "broken JSON " + FuzzJson.abbreviate(new String(body, StandardCharsets.UTF_8)));
    }

    private Request wrongContentType() {
        String type = WRONG_CONTENT_TYPES[r.nextInt(WRONG_CONTENT_TYPES.length)];
        String text = r.nextBoolean() ? FuzzJson.write(sampleBody()) : "a=1&b=%zz&c=%00";
        return new Request(path(), Map.of("Content-Type", type), utf8(text), "Content-Type '" + type + "' " + FuzzJson.abbreviate(text));
    }

    private Request wrongShape() {
        String[] shapes = {"[]", "[{}]", "\"text\"", "12", "true", "null", "\"\\u0000\"", "[" + FuzzJson.write(sampleBody()) + "]"};
        String text = shapes[r.nextInt(shapes.length)];
        return new Request(path(), json(), utf8(text), "JSON of the wrong shape " + FuzzJson.abbreviate(text));
    }

    private Request wrongAccept() {
        String accept = ACCEPTS[r.nextInt(ACCEPTS.length)];
        Object body = sampleBody();
        String changes = FuzzJson.mutate(body, r);
        return new Request(path(), Map.of("Content-Type", "application/json", "Accept", accept),
                utf8(FuzzJson.write(body)), "Accept '" + accept + "', JSON " + changes);
    }

    private Request nulEverywhere() {
        String text = FuzzJson.write(FuzzJson.withNulEverywhere(sampleBody()));
        return new Request(path(), json(), utf8(text), "NUL in every string " + FuzzJson.abbreviate(text));
    }

    private Request brokenPath() {
        String segment = BROKEN_SEGMENTS[r.nextInt(BROKEN_SEGMENTS.length)];
        String target = endpoint.hasPathVariables() ? endpoint.path(r, segment) : path() + "/" + segment;
        return new Request(target, json(), utf8(FuzzJson.write(sampleBody())), "path " + target);
    }

    private Request brokenQuery() {
        StringBuilder query = new StringBuilder(BROKEN_QUERIES[r.nextInt(BROKEN_QUERIES.length)]);
        for (String name : endpoint.queryParameters().keySet()) {
            if (r.nextBoolean()) {
                query.append('&').append(name).append('=').append(BROKEN_SEGMENTS[r.nextInt(BROKEN_SEGMENTS.length)]);
            }
        }
        String target = path() + "?" + query;
        return new Request(target, json(), utf8(FuzzJson.write(sampleBody())), "query " + query);
    }

    private Request brokenMultipart() {
        String type = BROKEN_MULTIPART_TYPES[r.nextInt(BROKEN_MULTIPART_TYPES.length)];
        return new Request(path(), Map.of("Content-Type", type), multipartBody("b", endpoint.partName(), "a.xlsx", garbage(), true),
                "multipart Content-Type '" + type + "'");
    }

    /** A well-framed multipart request with something wrong inside it. */
    private Request multipart() {
        String part = endpoint.partName();
        return switch (r.nextInt(8)) {
            case 0 -> multipartRequest("no file part", multipartBody("b", "other", "a.xlsx", garbage(), true));
            case 1 -> multipartRequest("empty file", multipartBody("b", part, "a.xlsx", new byte[0], true));
            case 2 -> multipartRequest("no closing boundary", multipartBody("b", part, "a.xlsx", garbage(), false));
            case 3 -> multipartRequest("file name with NUL", multipartBody("b", part, "a\u0000.xlsx", garbage(), true));
            case 4 -> multipartRequest("file name ../../x.exe", multipartBody("b", part, "../../x.exe", garbage(), true));
            case 5 -> new Request(path(), Map.of("Content-Type", "multipart/form-data; boundary=other"),
                    multipartBody("b", part, "a.xlsx", garbage(), true), "multipart with another boundary");
            case 6 -> multipartRequest("file name of 3,000 characters",
                    multipartBody("b", part, "长".repeat(3000) + ".pdf", garbage(), true));
            default -> multipartRequest("garbage file", multipartBody("b", part, r.nextBoolean() ? "a.xlsx" : "a.docx", garbage(), true));
        };
    }

    private Request multipartRequest(String what, byte[] body) {
        return new Request(path(), Map.of("Content-Type", "multipart/form-data; boundary=b"), body, "multipart: " + what);
    }

    private byte[] garbage() {
        byte[] bytes = new byte[r.nextInt(2000)];
        r.nextBytes(bytes);
        return bytes;
    }

    private static byte[] multipartBody(String boundary, String part, String filename, byte[] content, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + boundary + (closed ? "--\r\n" : "\r\n")));
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
