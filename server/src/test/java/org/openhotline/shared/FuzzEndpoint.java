package org.openhotline.shared;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * A state-changing endpoint as the running application maps it: method, path pattern, what it reads (path
 * variables, query parameters, JSON body, multipart parts) and the permissions its {@code @PreAuthorize} names.
 */
record FuzzEndpoint(String method, String pattern, HandlerMethod handler) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern AUTHORITY = Pattern.compile("'([^']+)'");

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    /** The permissions named by {@code @PreAuthorize}; {@link #anyAuthority()} says whether one of them suffices. */
    List<String> authorities() {
        List<String> found = new ArrayList<>();
        String expression = preAuthorize();
        if (expression != null) {
            Matcher m = AUTHORITY.matcher(expression);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    boolean anyAuthority() {
        String expression = preAuthorize();
        return expression != null && (expression.contains("hasAnyAuthority") || expression.contains("hasAnyRole")
                || expression.contains(" or "));
    }

    private String preAuthorize() {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        PreAuthorize onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        return onClass == null ? null : onClass.value();
    }

    Type bodyType() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return p.getGenericParameterType();
            }
        }
        return null;
    }

    boolean multipart() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    /** Name of the multipart file part, "file" unless the handler says otherwise. */
    String partName() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                String name = param != null ? param.name() + param.value() : part != null ? part.name() + part.value() : "";
                return name.isEmpty() ? p.getParameterName() : name;
            }
        }
        return "file";
    }

    /** Query parameters (name → type) other than files. */
    Map<String, Class<?>> queryParameters() {
        Map<String, Class<?>> params = new LinkedHashMap<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null && !MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                String name = param.name() + param.value();
                params.put(name.isEmpty() ? p.getParameterName() : name, p.getParameterType());
            }
        }
        return params;
    }

    private Class<?> pathVariableType(String name) {
        for (MethodParameter p : handler.getMethodParameters()) {
            PathVariable v = p.getParameterAnnotation(PathVariable.class);
            if (v != null && name.equals((v.name() + v.value()).isEmpty() ? p.getParameterName() : v.name() + v.value())) {
                return p.getParameterType();
            }
        }
        return String.class;
    }

    boolean hasPathVariables() {
        return VARIABLE.matcher(pattern).find();
    }

    /**
     * The path with each variable filled by a well-formed value that names nothing (ids far above any real one,
     * dates in 2199, codes starting with "fuzz"), or — for {@code broken} — with {@code brokenValue} (sent raw).
     */
    String path(Random r, String brokenValue) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int brokenIndex = brokenValue == null || spans.isEmpty() ? -1 : r.nextInt(spans.size());
        m.reset();
        int i = 0;
        while (m.find()) {
            String name = m.group(1);
            String regex = m.group(2);
            String value;
            if (i == brokenIndex) {
                value = brokenValue;
            } else if (regex != null && regex.matches("[a-z|-]+")) {
                value = regex.split("\\|")[0];
            } else {
                value = wellFormed(pathVariableType(name), r);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
            i++;
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String wellFormed(Class<?> type, Random r) {
        if (type == long.class || type == Long.class) {
            return String.valueOf(900_000_000L + r.nextInt(1_000_000));
        }
        if (type == int.class || type == Integer.class) {
            return String.valueOf(9_000 + r.nextInt(900)); // e.g. a calendar year no one uses
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2199, 1, 1).plusDays(r.nextInt(300)).toString();
        }
        if (type.isEnum()) {
            return "NO_SUCH_VALUE";
        }
        return "fuzz" + r.nextInt(1_000_000);
    }
}
