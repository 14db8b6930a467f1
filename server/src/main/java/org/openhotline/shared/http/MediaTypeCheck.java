package org.openhotline.shared.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code Content-Type} that names no type ({@code *}{@code /*}, {@code application/*}) or cannot be
 * parsed, and an {@code Accept} header that cannot be parsed. Spring MVC meets them deep inside its argument
 * resolution or when writing the answer, where they become a 500 or an answer without body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class MediaTypeCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    ProblemResponses.write(response, 415, "media-type",
                            "内容类型（Content-Type）不能含通配符 *，请以 application/json 提交");
                    return;
                }
            } catch (InvalidMediaTypeException e) {
                ProblemResponses.write(response, 400, "media-type", "内容类型（Content-Type）格式不正确");
                return;
            }
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                ProblemResponses.write(response, 400, "accept", "可接受的格式（Accept）写法不正确");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
