package com.carriergateway.app.web;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.routes.http.RequestIds;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with a BestRx envelope (413) before anything reads them, whether
 * the size is declared (Content-Length) or only discovered (chunked). Bodies within the limit are buffered
 * once and handed on.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final EnvelopeWriter envelopes;

    public RequestSizeLimitFilter(int maxBytes, EnvelopeWriter envelopes) {
        this.maxBytes = maxBytes;
        this.envelopes = envelopes;
    }

    /**
     * Not the operator console's forms: reading their body here would leave the servlet container nothing to read
     * the form fields from; the container's own form limit ({@code server.tomcat.max-http-form-post-size}) bounds them.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod())
                || request.getServletPath().equals("/console") || request.getServletPath().startsWith("/console/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIdFilter.of(request);
        response.setStatus(413);
        response.setContentType("application/json");
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader("Connection", "close");
        response.getWriter().write(envelopes.write(BestRxOperation.OTHER, false, null,
                List.of(Message.error(MessageCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + maxBytes + " bytes.")), requestId));
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    /** The request with its body already read into memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
