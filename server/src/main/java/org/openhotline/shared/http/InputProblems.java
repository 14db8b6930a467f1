package org.openhotline.shared.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Words, in Chinese, what was wrong with a request the platform could not read: which field or parameter, and
 * what it should have been. Never the Java type or the parser's English message, which say nothing to a user and
 * too much to a prober.
 */
public final class InputProblems {

    private InputProblems() {}

    /** "整数", "日期（如 2026-01-31）", "以下之一：READY、BREAK"… for a parameter or field of {@code type}. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "正确的格式";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "整数";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "数字";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true 或 false";
        }
        if (type == LocalDate.class) {
            return "日期（如 2026-01-31）";
        }
        if (type == LocalTime.class) {
            return "时间（如 09:00）";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return "日期时间（如 2026-01-31T09:00:00+08:00）";
        }
        if (type == UUID.class) {
            return "编号（UUID）";
        }
        if (type.isEnum()) {
            return "以下之一：" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "文本";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表（JSON 数组）";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().startsWith("org.openhotline")) {
            return "对象（JSON 对象）";
        }
        return "正确的格式";
    }

    /** Whether the request body was refused because it is larger than allowed. */
    public static boolean tooLarge(Throwable e) {
        return find(e, RequestBodyLimit.TooLarge.class) != null;
    }

    /** Why a request body could not be read, for the problem's {@code detail}. */
    public static String unreadable(Throwable e) {
        if (find(e, TextInput.NulCharacter.class) instanceof TextInput.NulCharacter nul) {
            return "字段 " + path(nul) + " 含有不允许的空字符（\\u0000），请删除后重试";
        }
        if (find(e, StreamConstraintsException.class) != null) {
            return "请求内容过长或嵌套过深";
        }
        if (find(e, InvalidFormatException.class) instanceof InvalidFormatException bad) {
            return field(bad) + "应为" + expected(bad.getTargetType());
        }
        if (find(e, ValueInstantiationException.class) != null) {
            return "提交的内容不完整或取值不在允许范围内";
        }
        if (find(e, MismatchedInputException.class) instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return "请求内容应为" + expected(mismatch.getTargetType());
            }
            return field(mismatch) + "应为" + expected(mismatch.getTargetType());
        }
        if (find(e, StreamReadException.class) != null || find(e, JacksonException.class) != null) {
            return "请求内容不是有效的 JSON";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "缺少请求内容（JSON）";
        }
        return "请求内容无法识别，请以 JSON 提交";
    }

    private static String field(JacksonException e) {
        String path = path(e);
        return path.isEmpty() ? "请求内容" : "字段 " + path + " ";
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The SQLSTATE of the database error behind {@code e}, or null. */
    public static String sqlState(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return (T) t;
            }
        }
        return null;
    }
}
