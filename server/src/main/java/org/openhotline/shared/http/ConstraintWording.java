package org.openhotline.shared.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.ObjectError;

/**
 * The message of a failed constraint: the Chinese one the request type gives ({@code @Size(max = 200, message =
 * "标题最长 200 个字")}), or — for a bare {@code @Size(max = 200)} — one worded here, since Bean Validation's own
 * default follows the server's locale and may be English.
 */
public final class ConstraintWording {

    private ConstraintWording() {}

    /**
     * The message for {@code error} on {@code name} — a field or parameter, as {@code noun} ("字段", "参数") says.
     * A message worded here names it ("参数 page 应为整数"); a request type's own message stands alone.
     */
    public static String message(MessageSourceResolvable error, String noun, String name) {
        if (error instanceof ObjectError object && object.contains(TypeMismatchException.class)) {
            return noun + " " + name + " 应为" + InputProblems.expected(object.unwrap(TypeMismatchException.class).getRequiredType());
        }
        ConstraintViolation<?> violation = violation(error);
        if (violation == null) {
            return hasChinese(error.getDefaultMessage()) ? error.getDefaultMessage() : noun + " " + name + " 取值不符合要求";
        }
        String template = violation.getMessageTemplate();
        if (!template.startsWith("{jakarta.validation") && !template.startsWith("{org.hibernate.validator")) {
            return violation.getMessage();
        }
        return noun + " " + name + " " + worded(violation.getConstraintDescriptor());
    }

    private static String worded(ConstraintDescriptor<?> descriptor) {
        Map<String, Object> a = descriptor.getAttributes();
        return switch (descriptor.getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> "不能为空";
            case "Size", "Length" -> Integer.valueOf(0).equals(a.get("min")) ? "长度不能超过 " + a.get("max")
                    : "长度应在 " + a.get("min") + " 到 " + a.get("max") + " 之间";
            case "Min", "DecimalMin" -> "不能小于 " + a.get("value");
            case "Max", "DecimalMax" -> "不能大于 " + a.get("value");
            case "Positive" -> "应为正数";
            case "PositiveOrZero" -> "不能为负数";
            case "Negative", "NegativeOrZero" -> "应为负数";
            case "Email" -> "邮箱格式不正确";
            case "Pattern" -> "格式不正确";
            case "Past", "PastOrPresent" -> "应为过去的时间";
            case "Future", "FutureOrPresent" -> "应为将来的时间";
            default -> "取值不符合要求";
        };
    }

    private static ConstraintViolation<?> violation(MessageSourceResolvable error) {
        if (error instanceof ObjectError object && object.contains(ConstraintViolation.class)) {
            return object.unwrap(ConstraintViolation.class);
        }
        return null;
    }

    private static boolean hasChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
