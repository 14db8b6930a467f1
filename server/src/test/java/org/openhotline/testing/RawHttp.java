package org.openhotline.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: a malformed %-escape in the path, a
 * {@code Content-Type} without a boundary, any bytes as body. {@link java.net.http.HttpClient} refuses to build
 * most of them. One connection per request ({@code Connection: close}), or a kept-alive {@link Connection} for load
 * generators (the benchmarks), whose own cost should stay small beside the platform's on the same cores.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The answer: status, lower-cased header names, body (de-chunked). */
    public record Answer(int status, Map<String, String> headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Sends {@code method target} (the raw request target, sent as is) with the given headers and body; adds
     * Host, Content-Length and Connection: close.
     */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedEarly) {
                    // The server may answer (413) and close before it has read a large body: read what it said.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** Opens a persistent connection: requests on it are sent one after the other, each answer read to its end. */
    public Connection connect() {
        return new Connection();
    }

    /**
     * A kept-alive HTTP/1.1 connection (answers with Content-Length or chunked), opened again when the server closes
     * it (Tomcat does after 100 requests); not for concurrent use.
     */
    public final class Connection implements java.io.Closeable {

        private Socket socket;
        private InputStream in;
        private java.io.OutputStream out;

        private void open() throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = new java.io.BufferedOutputStream(socket.getOutputStream());
        }

        /** As {@link RawHttp#send} on this connection; adds Host and Content-Length. */
        public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
            try {
                if (socket == null) {
                    open();
                }
                StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                        .append("Host: localhost:").append(port).append("\r\n");
                headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
                int b;
                int last4 = 0; // the last four bytes read: the head ends with CR LF CR LF
                while ((b = in.read()) >= 0) {
                    headBytes.write(b);
                    last4 = last4 << 8 | b;
                    if (last4 == 0x0d0a0d0a) {
                        break;
                    }
                }
                byte[] h = headBytes.toByteArray();
                if (h.length < 4) {
                    throw new IOException("the connection closed before an answer");
                }
                Answer answer = head(h, h.length - 4, new byte[0]);
                String length = answer.headers().get("content-length");
                byte[] rest;
                if (length != null) {
                    rest = in.readNBytes(Integer.parseInt(length));
                } else if ("chunked".equalsIgnoreCase(answer.headers().get("transfer-encoding"))) {
                    rest = readChunks();
                } else {
                    throw new IOException("an answer without a length cannot be read on a kept-alive connection");
                }
                if ("close".equalsIgnoreCase(answer.headers().get("connection"))) {
                    close();
                }
                return new Answer(answer.status(), answer.headers(), rest);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + target, e);
            }
        }

        private byte[] readChunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                if (size == 0) {
                    line(); // the empty line after the last chunk (no trailers are sent here)
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no HTTP answer: " + new String(all, StandardCharsets.UTF_8));
        }
        Answer answer = head(all, end, java.util.Arrays.copyOfRange(all, end + 4, all.length));
        if ("chunked".equalsIgnoreCase(answer.headers().get("transfer-encoding"))) {
            return new Answer(answer.status(), answer.headers(), dechunk(answer.bytes()));
        }
        return answer;
    }

    /** Status and headers from the first {@code end} bytes (the head without its blank line). */
    private static Answer head(byte[] data, int end, byte[] body) {
        String[] lines = new String(data, 0, end, StandardCharsets.UTF_8).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, Math.min(size, chunked.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
