package org.openhotline.shared.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem body written by hand where Spring MVC does not run (a filter, Tomcat's error valve), and the Chinese
 * title of each status, shared with {@code ProblemAnswers} so that every layer answers alike.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方式";
            case 406 -> "无法提供所需格式";
            case 409 -> "操作冲突";
            case 413 -> "内容过大";
            case 414 -> "地址过长";
            case 415 -> "不支持的内容类型";
            case 422 -> "无法处理";
            case 429 -> "请求过于频繁";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "系统错误" : "请求有误";
        };
    }

    /** The Chinese detail for a refusal that carries no reason of its own (Tomcat, the servlet error page). */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "请求格式不正确：地址、参数或内容无法识别";
            case 401 -> "请先登录";
            case 403 -> "您没有执行此操作的权限";
            case 404 -> "请求的地址不存在";
            case 405 -> "不支持该请求方式";
            case 406 -> "无法以请求的格式答复，请接受 application/json";
            case 408 -> "请求超时，请重试";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型，请以 application/json 提交";
            case 429 -> "请求过于频繁，请稍后再试";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "系统内部错误，请稍后重试或联系管理员" : "请求无法处理，请检查请求格式";
        };
    }

    public static Map<String, Object> body(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://openhotline.org/problems/" + code);
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    public static String json(int status, String code, String detail) {
        return JSON.writeValueAsString(body(status, code, detail));
    }

    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, code, detail));
    }
}
