package org.openhotline.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.openhotline.shared.http.ConstraintWording;
import org.openhotline.shared.http.InputProblems;
import org.openhotline.shared.http.ProblemResponses;

/**
 * Every error leaves the API as an RFC 9457 problem body whose {@code detail} a Chinese-speaking user can act
 * on. Field errors are listed under {@code errors} so a form can mark the fields. A request the platform cannot
 * read is a 4xx that says, in Chinese, which field or parameter and what it should be — never a Java type or a
 * parser's English message. What fails outside Spring MVC is answered by {@code org.openhotline.shared.http}.
 */
@RestControllerAdvice
public class ProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A JSON body that breaks its type's constraints, or query parameters bound to a record that do not fit it. */
    @ExceptionHandler(BindException.class)
    ProblemDetail invalidBody(BindException e) {
        boolean body = e instanceof MethodArgumentNotValidException invalid
                && invalid.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), ConstraintWording.message(error, body ? "字段" : "参数", error.getField()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), "提交的内容不完整"));
        String first = errors.isEmpty() ? "提交的内容不完整" : errors.values().iterator().next();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "请检查填写的内容：" + first);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Constraints on request parameters and path variables ({@code @Min} on a {@code @RequestParam}...). */
    @ExceptionHandler({HandlerMethodValidationException.class, jakarta.validation.ConstraintViolationException.class})
    ProblemDetail invalidParameter(Exception e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof HandlerMethodValidationException invalid) {
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.putIfAbsent(parameterName(result.getMethodParameter()),
                            ConstraintWording.message(error, "参数", parameterName(result.getMethodParameter())))));
        }
        String first = errors.isEmpty() ? "请求参数不符合要求" : errors.values().iterator().next();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", first);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (InputProblems.tooLarge(e)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "请求内容过大，请精简后重试；文件请作为附件上传");
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable", InputProblems.unreadable(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter",
                "参数 " + e.getName() + " 应为" + InputProblems.expected(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "缺少参数 " + e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "缺少上传的文件（" + e.getRequestPartName() + "）");
    }

    /** A body that says multipart but is not (no boundary, broken framing); too large is answered below. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException || InputProblems.find(e, MaxUploadSizeExceededException.class) != null) {
            return tooLarge();
        }
        return problem(HttpStatus.BAD_REQUEST, "multipart", "上传内容格式不正确，请以 multipart/form-data 上传文件");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        String expected = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().getFirst().toString();
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", "不支持该内容类型（Content-Type），请以 " + expected + " 提交");
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ProblemDetail invalidMediaType(InvalidMediaTypeException e) {
        return problem(HttpStatus.BAD_REQUEST, "media-type", "内容类型（Content-Type）格式不正确");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "无法以请求的格式（Accept）答复，请接受 application/json");
    }

    /** Tomcat could not decode a form parameter (a broken %-escape in the query or a form body). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodableParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "请求参数的编码不正确（%-转义有误）");
    }

    /** Spring Security's firewall: an encoded NUL, slash or period, a semicolon, a control character. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "rejected", "请求地址或参数含有不允许的字符");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "您没有执行此操作的权限");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update", "该数据已被他人修改，请刷新后重试");
    }

    /**
     * No database connection came free in time (a saturated pool, a database failing over): the platform is busy,
     * not broken — 503 with Retry-After lets clients and HAProxy try again instead of reporting a server fault.
     */
    @ExceptionHandler({org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("No database connection in time: {}", e.getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "系统繁忙，请稍后重试"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "duplicate", "数据已存在，不能重复创建");
    }

    /**
     * What the database refused for the values it was given (SQLSTATE class 22: too long, NUL, out of range,
     * not a number; class 23: a missing reference, a check) is the request's fault, not the server's: the last
     * line of defence behind the validation of each request type.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        String state = InputProblems.sqlState(e);
        if (state == null) {
            return unexpected(e, null);
        }
        log.warn("Database refused a request's values (SQLSTATE {}): {}", state, e.getMostSpecificCause().getMessage());
        return switch (state) {
            case "22001" -> problem(HttpStatus.BAD_REQUEST, "too-long", "填写的内容过长，请精简后重试");
            case "22021" -> problem(HttpStatus.BAD_REQUEST, "bad-character", "填写的内容含有不允许的字符（如空字符）");
            case "23503" -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "missing-reference", "引用的数据不存在或已被删除");
            case "23502" -> problem(HttpStatus.BAD_REQUEST, "validation", "缺少必填的内容");
            case "23505" -> problem(HttpStatus.CONFLICT, "duplicate", "数据已存在，不能重复创建");
            default -> state.startsWith("22") || state.startsWith("23")
                    ? problem(HttpStatus.BAD_REQUEST, "bad-value", "填写的内容超出允许的范围或格式不正确")
                    : unexpected(e, null);
        };
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return tooLarge();
    }

    private static ProblemDetail tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "上传的文件太大");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method", "不支持该请求方式");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ProblemDetail noResource(Exception e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "请求的地址不存在");
    }

    /** A client that went away (a closed event stream) needs no answer and is no error worth logging. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        // nothing to send
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletResponse servletResponse) {
        if (org.openhotline.shared.http.DatabaseOutage.is(e)) {
            // the database is failing over or restarting: try again, not a fault of the platform's code
            log.warn("The database is away: {}", e.getMessage());
            if (servletResponse != null) {
                servletResponse.setHeader("Retry-After", "2");
            }
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "database", org.openhotline.shared.http.DatabaseOutage.DETAIL);
        }
        if (e instanceof org.springframework.web.ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            // Any other Spring MVC refusal keeps its status, in Chinese words.
            int status = response.getStatusCode().value();
            return problem(HttpStatus.valueOf(status), "request", ProblemResponses.detail(status));
        }
        if (InputProblems.tooLarge(e)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "请求内容过大，请精简后重试；文件请作为附件上传");
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "系统内部错误，请稍后重试或联系管理员");
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "参数" + parameter.getParameterIndex() : name;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://openhotline.org/problems/" + code));
        problem.setTitle(titleOf(status));
        return problem;
    }

    private static String titleOf(HttpStatus status) {
        return ProblemResponses.title(status.value());
    }
}
