package io.synthlogs.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 GET over a socket, for request lines {@link java.net.http.HttpClient} refuses to send
 * (raw bytes, broken percent escapes). Reads the status and either the whole body or, for a stream, its
 * first event or line, then hangs up.
 */
final class RawHttp {
    /** Status, the body read (a stream's first event only) and whether the body is a stream. */
    record Reply(int status, String contentType, String body) {}

    /** The server closed the connection without sending a single byte. */
    static final class NoResponse extends IOException {
        NoResponse(long afterMillis, int localPort) {
            super("the connection (client port " + localPort + ") closed with no response at all, "
                    + afterMillis + " ms after the request was sent");
        }
    }

    private RawHttp() {}

    static Reply get(int port, byte[] pathAndQuery, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(pathAndQuery);
            out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long sent = System.nanoTime();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            if (statusLine == null) {
                throw new NoResponse((System.nanoTime() - sent) / 1_000_000, socket.getLocalPort());
            }
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String type = null;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-type:")) {
                    type = h.substring(13).trim();
                }
            }
            boolean stream = type != null && (type.startsWith("text/event-stream")
                    || type.startsWith("application/x-ndjson"));
            InputStream body = chunked ? new Chunked(in) : in;
            String text = stream ? firstRecord(body, type.startsWith("text/event-stream"))
                    : new String(length >= 0 ? body.readNBytes((int) length) : body.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, type, text);
        }
    }

    /** The first {@code data:} payload of an SSE stream, or the first NDJSON line; {@code null} if none came. */
    private static String firstRecord(InputStream in, boolean sse) throws IOException {
        for (String l = line(in); l != null; l = line(in)) {
            if (!sse && !l.isEmpty()) {
                return l;
            }
            if (sse && l.startsWith("data: ")) {
                return l.substring(6);
            }
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** Decodes chunked transfer encoding. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF closing the previous chunk
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            left--;
            return in.read();
        }
    }
}
