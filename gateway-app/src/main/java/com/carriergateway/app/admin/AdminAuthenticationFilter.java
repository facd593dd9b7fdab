package com.carriergateway.app.admin;

import com.carriergateway.adapter.credential.BasicCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/**} with the operators' own HTTP Basic credential (not a pharmacy's, not a carrier's).
 * Both halves are compared as SHA-256 digests in constant time; a refusal is a 401 JSON error, and after too many
 * wrong credentials lately a 429 with {@code Retry-After} ({@link FailedSignIns}).
 */
public class AdminAuthenticationFilter extends OncePerRequestFilter {

    private final AdminCredential admin;

    public AdminAuthenticationFilter(AdminCredential admin) {
        this.admin = admin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admin.isConfigured()) {
            refuse(response, "Admin access is not configured (gateway.admin.username / password).");
            return;
        }
        BasicCredential credential;
        try {
            credential = BasicCredential.parse(request.getHeader("Authorization"));
        } catch (BasicCredential.Unreadable e) {
            refuse(response, e.problem() == BasicCredential.Problem.MISSING
                    ? "Authentication required: send the admin HTTP Basic credential."
                    : "The Basic credential is not valid base64.");
            return;
        }
        switch (admin.check(credential)) {
            case ACCEPTED -> chain.doFilter(request, response);
            case REFUSED -> refuse(response, "The admin credential is not valid.");
            case LOCKED -> locked(response, admin.retryAfterSeconds());
        }
    }

    private static void locked(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(429);
        response.setContentType("application/json");
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"error\":\"too_many_failed_sign_ins\",\"message\":\"Too many wrong admin "
                + "credentials lately: none is checked for " + retryAfterSeconds + " s.\"}");
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.setHeader("WWW-Authenticate", "Basic realm=\"carrier-gateway-admin\"");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}");
    }

}
