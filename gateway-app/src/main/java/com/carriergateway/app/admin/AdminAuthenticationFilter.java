package com.carriergateway.app.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/**} with the operators' own HTTP Basic credential (not a pharmacy's, not a carrier's).
 * Both halves are compared as SHA-256 digests in constant time; a refusal is a 401 JSON error.
 */
public class AdminAuthenticationFilter extends OncePerRequestFilter {

    private final byte[] username;
    private final byte[] password;

    public AdminAuthenticationFilter(AdminProperties props) {
        boolean configured = props.getUsername() != null && !props.getUsername().isBlank()
                && props.getPassword() != null && !props.getPassword().isBlank();
        this.username = configured ? sha256(props.getUsername()) : null;
        this.password = configured ? sha256(props.getPassword()) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (username == null) {
            refuse(response, "Admin access is not configured (gateway.admin.username / password).");
            return;
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            refuse(response, "Authentication required: send the admin HTTP Basic credential.");
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            refuse(response, "The Basic credential is not valid base64.");
            return;
        }
        int colon = decoded.indexOf(':');
        boolean userOk = MessageDigest.isEqual(username, sha256(colon < 0 ? decoded : decoded.substring(0, colon)));
        boolean passwordOk = MessageDigest.isEqual(password, sha256(colon < 0 ? "" : decoded.substring(colon + 1)));
        if (!(userOk & passwordOk)) {
            refuse(response, "The admin credential is not valid.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.setHeader("WWW-Authenticate", "Basic realm=\"carrier-gateway-admin\"");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
