package com.carriergateway.adapter.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An HTTP Basic credential as a caller sent it, and the one way the gateway checks one (pharmacies, carrier
 * webhooks, operators): SHA-256 digests compared with {@link MessageDigest#isEqual}, in constant time, so neither
 * the length nor the first wrong byte of a secret shows in the time an answer takes.
 */
public record BasicCredential(String user, String password) {

    /** Why a header gave no credential; each caller words its own answer. */
    public enum Problem { MISSING, NOT_BASE64 }

    /** Thrown by {@link #parse}; carries no part of the header. */
    public static final class Unreadable extends Exception {
        private final Problem problem;

        Unreadable(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The credential in an {@code Authorization} header. A value without a colon is a user with an empty password.
     *
     * @throws Unreadable MISSING when there is no header or it is not Basic, NOT_BASE64 when it cannot be decoded
     */
    public static BasicCredential parse(String authorization) throws Unreadable {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Unreadable(Problem.MISSING);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(Problem.NOT_BASE64);
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new BasicCredential(decoded, "")
                : new BasicCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The {@code Authorization} header value that sends this credential. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** True when both halves match; both are always compared. */
    public boolean matches(byte[] userSha256, byte[] passwordSha256) {
        boolean userOk = MessageDigest.isEqual(userSha256, sha256(user));
        boolean passwordOk = passwordMatches(passwordSha256);
        return userOk & passwordOk;
    }

    public boolean passwordMatches(byte[] passwordSha256) {
        return MessageDigest.isEqual(passwordSha256, sha256(password));
    }

    /** How a configured secret is kept in memory. */
    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never the password, in logs or exception messages. */
    @Override
    public String toString() {
        return "BasicCredential[user=" + user + "]";
    }
}
