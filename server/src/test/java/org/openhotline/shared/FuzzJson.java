package org.openhotline.shared;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The JSON side of the fuzz test: a plausible body for a request type (ids that do not exist, dates far in the
 * future, so that a request which happens to pass touches nothing another test owns), mutations that make it bad,
 * and a writer of our own so that NUL bytes, lone surrogates and out-of-range number literals reach the server.
 */
final class FuzzJson {

    /** A literal written as is (an out-of-range number, deep nesting). */
    record Raw(String json) {}

    private FuzzJson() {}

    static Object sample(Type type, Random r, int depth) {
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw == Object.class && depth > 0) {
            return "测试" + (char) ('a' + r.nextInt(26));
        }
        if (raw == Long.class || raw == long.class) {
            return 900_000_000L + r.nextInt(1_000_000); // no such id
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return 10;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return r.nextBoolean();
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return 1.5;
        }
        if (raw.isEnum()) {
            Object[] values = raw.getEnumConstants();
            return values[r.nextInt(values.length)].toString();
        }
        if (raw == LocalDate.class) {
            return "2199-01-0" + (1 + r.nextInt(9));
        }
        if (raw == LocalTime.class) {
            return "09:00";
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == LocalDateTime.class) {
            return "2199-01-01T08:00:00Z";
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            List<Object> list = new ArrayList<>();
            if (depth < 3) {
                list.add(sample(typeArgument(type, 0), r, depth + 1));
            }
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (depth < 3) {
                map.put("900000001", sample(typeArgument(type, 1), r, depth + 1));
            }
            return map;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth < 3 && raw.getName().startsWith("org.openhotline")) {
            if (raw.isRecord()) {
                for (RecordComponent c : raw.getRecordComponents()) {
                    object.put(c.getName(), sample(c.getGenericType(), r, depth + 1));
                }
            } else {
                for (Field f : raw.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        object.put(f.getName(), sample(f.getGenericType(), r, depth + 1));
                    }
                }
            }
        }
        return object;
    }

    private static final Object[] WRONG_VALUES = {
            "abc", "１２３", "", " ", true, false, 12.5, -1, 0, List.of(), Map.of(), List.of(1, "x"),
            new Raw("1e400"), new Raw("-1e400"), new Raw("99999999999999999999999999"), new Raw("-9223372036854775809"),
            Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L, -2147483649L, "NO_SUCH_VALUE", "ready", "2026-02-30",
            "昨天", "2199-13-01T25:61:00Z", "09:99", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\uD800", "\uDFFF x",
            "<script>alert(1)</script>", "' or '1'='1", "../../etc/passwd", "%00", "${jndi:ldap://x}", "\\", "\"",
            new Raw("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")};

    /** Applies one to three mutations somewhere in {@code body}; returns a short description of what changed. */
    @SuppressWarnings("unchecked")
    static String mutate(Object body, Random r) {
        StringBuilder said = new StringBuilder();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            Map<String, Object> target = body instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            if (target == null) {
                return "not an object";
            }
            // Step into a nested object now and then.
            for (Object v : new ArrayList<>(target.values())) {
                if (v instanceof Map<?, ?> nested && !nested.isEmpty() && r.nextInt(3) == 0) {
                    target = (Map<String, Object>) nested;
                    break;
                }
            }
            if (target.isEmpty()) {
                target.put("unexpected", WRONG_VALUES[r.nextInt(WRONG_VALUES.length)]);
                said.append("added unexpected; ");
                continue;
            }
            String field = new ArrayList<>(target.keySet()).get(r.nextInt(target.size()));
            switch (r.nextInt(7)) {
                case 0 -> {
                    target.remove(field);
                    said.append("removed ").append(field).append("; ");
                }
                case 1 -> {
                    target.put(field, null);
                    said.append(field).append("=null; ");
                }
                case 2 -> {
                    int length = r.nextBoolean() ? 20_001 + r.nextInt(40_000) : 201 + r.nextInt(6_000);
                    target.put(field, "长".repeat(length));
                    said.append(field).append(" of ").append(length).append(" characters; ");
                }
                case 3 -> {
                    target.put(field, "含\u0000空字符");
                    said.append(field).append(" with NUL; ");
                }
                default -> {
                    Object wrong = WRONG_VALUES[r.nextInt(WRONG_VALUES.length)];
                    target.put(field, wrong);
                    said.append(field).append('=').append(abbreviate(write(wrong))).append("; ");
                }
            }
        }
        return said.toString();
    }

    /** Puts a NUL byte into every string of the body. */
    @SuppressWarnings("unchecked")
    static Object withNulEverywhere(Object value) {
        if (value instanceof String s) {
            return s + "\u0000";
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, withNulEverywhere(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(FuzzJson::withNulEverywhere).toList();
        }
        return value;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.json());
            case String s -> {
                out.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (var e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> out.append(value);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…(" + oneLine.length() + ")" : oneLine;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return String.class;
    }
}
