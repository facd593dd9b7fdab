package com.carriergateway.app.admin;

import com.carriergateway.adapter.credential.BasicCredential;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' credential ({@code gateway.admin.username} / {@code password}), kept as SHA-256 digests and
 * compared in constant time. Shared by the admin API (HTTP Basic) and the console's login form, so both accept
 * exactly the same credential and share one budget of failed attempts ({@link FailedSignIns}). Unset: nothing
 * matches.
 */
public final class AdminCredential {

    /** What an attempt at the credential gets. */
    public enum Verdict { ACCEPTED, REFUSED, LOCKED }

    private static final Logger log = LoggerFactory.getLogger(AdminCredential.class);

    private final byte[] username;
    private final byte[] password;
    private final FailedSignIns failures;

    public AdminCredential(AdminProperties props, FailedSignIns failures) {
        boolean configured = props.getUsername() != null && !props.getUsername().isBlank()
                && props.getPassword() != null && !props.getPassword().isBlank();
        this.username = configured ? BasicCredential.sha256(props.getUsername()) : null;
        this.password = configured ? BasicCredential.sha256(props.getPassword()) : null;
        this.failures = failures;
    }

    public boolean isConfigured() {
        return username != null;
    }

    /** Checks an attempt, unless too many have failed lately: then it is not even compared. */
    public Verdict check(BasicCredential credential) {
        if (failures.lockedFor().isPresent()) {
            return Verdict.LOCKED;
        }
        if (isConfigured() && credential.matches(username, password)) {
            return Verdict.ACCEPTED;
        }
        if (failures.failed()) {
            // once per lock, not per refused attempt: a guesser must not be able to flood the log
            log.warn("admin credential: too many wrong attempts lately; none is checked for {} s", retryAfterSeconds());
        }
        return Verdict.REFUSED;
    }

    public Verdict check(String user, String pass) {
        return check(new BasicCredential(user == null ? "" : user, pass == null ? "" : pass));
    }

    /** Whole seconds until attempts are checked again (at least 1), for {@code Retry-After}. */
    public long retryAfterSeconds() {
        Optional<Duration> locked = failures.lockedFor();
        return locked.map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(1L);
    }
}
