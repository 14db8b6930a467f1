package org.openhotline.shared.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body that is not a file upload ({@code hotline.http.max-body-size}, 2 MB by default;
 * uploads have Spring's multipart limits). A JSON body is read whole into memory before any validation can look
 * at it — a 30 MB article cost 514 MB of heap — so the cap must hold before parsing: by the declared
 * Content-Length, and while reading a body of unknown length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    /** What the reader of an over-long body of unknown length gets; answered 413 by {@code ProblemAnswers}. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private final long limit;

    RequestBodyLimit(@Value("${hotline.http.max-body-size:2MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            drainModestExcess(request, declared);
            ProblemResponses.write(response, 413, "too-large",
                    "请求内容过大（超过 " + limit / 1024 + " KB），请精简后重试；文件请作为附件上传");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Capped(request, limit), response);
    }

    /**
     * Reads and drops a body up to four times the limit, so that the client, still sending, reads the answer
     * instead of a reset connection; anything larger is not worth reading and the connection closes.
     */
    private void drainModestExcess(HttpServletRequest request, long declared) throws IOException {
        if (declared <= 4 * limit) {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
