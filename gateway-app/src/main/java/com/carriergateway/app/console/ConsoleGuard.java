package com.carriergateway.app.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /console/**}. A state-changing request (anything but GET, HEAD, OPTIONS), the login included, is
 * refused with 403 unless it carries the session's form token ({@link ConsoleSession}) and, where the browser says
 * where it came from ({@code Sec-Fetch-Site}), comes from the console's own origin. Everything but the login page
 * needs a signed-in operator: a page request is sent to the login form, an htmx request gets 401 with
 * {@code HX-Redirect}. Every answer is marked not to be cached or framed. With {@code gateway.console.enabled=false}
 * there is no console: 404.
 */
public class ConsoleGuard extends OncePerRequestFilter {

    static final String LOGIN = "/console/login";
    private static final Logger log = LoggerFactory.getLogger(ConsoleGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** {@code Sec-Fetch-Site} values of a request the console's own pages made (none: typed or bookmarked). */
    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");

    private final boolean enabled;

    public ConsoleGuard(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // scripts, styles and form targets from the gateway only; no inline script runs
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'none'; object-src 'none'");
        // the servlet path has no ;parameters (the request URI would)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!SAFE_METHODS.contains(request.getMethod()) && !fromTheConsole(request)) {
            log.warn("console: {} {} refused: no valid form token or not from the console's origin",
                    request.getMethod(), path);
            refuse(response);
            return;
        }
        if (path.equals(LOGIN) || ConsoleSession.operator(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(401);
            response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
            return;
        }
        response.sendRedirect(request.getContextPath() + LOGIN);
    }

    private static boolean fromTheConsole(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_ORIGIN.contains(site)) {
            return false;
        }
        String token = request.getHeader(ConsoleSession.TOKEN_HEADER);
        if (token == null) {
            token = request.getParameter(ConsoleSession.TOKEN_FIELD);
        }
        return ConsoleSession.tokenMatches(request, token);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(403);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Refused</title></head><body>"
                + "<h1>403: refused</h1><p>This action did not come from a console page of this gateway (its form "
                + "token is missing or stale). Open the <a href=\"/console/orders\">console</a> and try again.</p>"
                + "</body></html>");
    }
}
