package com.carriergateway.app.web;

import com.carriergateway.routes.http.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one request-id step in front of every edge (BestRx, carrier webhooks, admin, console, errors): the call's id
 * ({@link RequestIds}) goes on the answer's {@code X-Request-ID}, into the logging context for the whole call, and
 * onto the request itself, so every later step (the flows, the guards, the error page) reads the same id from the
 * request header.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();

    /** The id of this call (the filter always ran first); a new one if it somehow did not. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : RequestIds.of(request.getHeader(RequestIds.HEADER));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.of(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(new WithRequestId(request, id), response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The request, with {@code X-Request-ID} reading the id this filter settled on. */
    private static final class WithRequestId extends HttpServletRequestWrapper {
        private final String id;

        WithRequestId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getHeader(String name) {
            return RequestIds.HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return RequestIds.HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(id))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(RequestIds.HEADER::equalsIgnoreCase)) {
                names.add(RequestIds.HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
