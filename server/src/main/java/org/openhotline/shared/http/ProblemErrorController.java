package org.openhotline.shared.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/**
 * The servlet container's error page ({@code /error}), reached when a request fails outside Spring MVC: refused
 * by Spring Security's firewall (a bad %-escape, a semicolon, an encoded NUL), or by a filter reading a broken form
 * body. Replaces Spring Boot's, whose JSON names exception classes and whose HTML speaks English.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (InputProblems.tooLarge(failure)) {
            status = 413;
        } else if (clientFault(failure)) {
            status = 400;
        } else if (status >= 500) {
            log.error("Request {} failed outside Spring MVC", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        if (status < 400) {
            status = 500;
        }
        String code = status == 404 ? "not-found" : status >= 500 ? "internal" : "request";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.json(status, code, ProblemResponses.detail(status)));
    }

    /** What a filter threw because of what the client sent: a firewall refusal, an unreadable form or multipart body. */
    private static boolean clientFault(Throwable failure) {
        return InputProblems.find(failure, RequestRejectedException.class) != null
                || InputProblems.find(failure, HttpMessageNotReadableException.class) != null
                || InputProblems.find(failure, InvalidParameterException.class) != null
                || InputProblems.find(failure, MultipartException.class) != null
                || InputProblems.find(failure, InvalidMediaTypeException.class) != null;
    }
}
