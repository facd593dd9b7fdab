package com.carriergateway.adapter;

import java.time.Instant;

/**
 * What an adapter's token cache holds, for operators: whether a token is held, until when, and when a fetch last
 * failed. Never the token.
 *
 * @param expiresAt when the held token expires, or null when none is held
 * @param lastFailureAt when fetching a token last failed (down, slow, refused), or null
 * @param lastFailure what that failure was (an exception type or "refused"), or null
 */
public record AccessTokenState(boolean held, Instant expiresAt, Instant lastFailureAt, String lastFailure) {
}
