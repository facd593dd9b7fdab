package com.carriergateway.app.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What the console keeps in the servlet session: the signed-in operator and the session's form token (the
 * synchronizer token every state-changing request must send back, in a form field or the {@code X-CSRF-Token}
 * header). A page from another origin cannot read the token, so it cannot forge an action even when the browser
 * sends the session cookie along.
 */
final class ConsoleSession {

    static final String TOKEN_FIELD = "_csrf";
    static final String TOKEN_HEADER = "X-CSRF-Token";
    private static final String OPERATOR = "console.operator";
    private static final String TOKEN = "console.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {
    }

    /** The session's form token, creating the session (signed in or not: the login form needs one too). */
    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(TOKEN);
        if (token == null) {
            token = newToken();
            session.setAttribute(TOKEN, token);
        }
        return (String) token;
    }

    /** Whether {@code presented} is this session's form token (constant time); false without a session. */
    static boolean tokenMatches(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(TOKEN);
        return token != null && presented != null && MessageDigest.isEqual(
                ((String) token).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<String> operator(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(OPERATOR));
    }

    /**
     * Signs the operator in: a new session id (so a session id planted before sign-in is worth nothing) and a new
     * form token.
     */
    static void signIn(HttpServletRequest request, String operator, Duration idleTimeout) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(OPERATOR, operator);
        session.setAttribute(TOKEN, newToken());
        session.setMaxInactiveInterval((int) Math.max(60, idleTimeout.toSeconds()));
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
