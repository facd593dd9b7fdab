package com.carriergateway.core.pharmacy;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * A request budget per pharmacy, so one pharmacy's burst (or a runaway script) cannot starve the others or
 * hammer the carriers. Over budget is answered at once: 429, {@code DIS0009}, {@code Retry-After}.
 */
public final class PharmacyRateLimits {

    private final ToIntFunction<PharmacyAccount> limitOf;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public PharmacyRateLimits(ToIntFunction<PharmacyAccount> requestsPerSecond) {
        this.limitOf = requestsPerSecond;
    }

    public void admit(PharmacyAccount pharmacy) {
        RateLimiter limiter = limiters.computeIfAbsent(pharmacy.pharmacyId(), id -> RateLimiter.of(id,
                RateLimiterConfig.custom()
                        .limitForPeriod(Math.max(1, limitOf.applyAsInt(pharmacy)))
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ZERO)
                        .build()));
        if (!limiter.acquirePermission()) {
            throw new GatewayProblem(MessageCode.RATE_LIMITED, "Too many requests from this pharmacy; at most "
                    + limiter.getRateLimiterConfig().getLimitForPeriod() + " per second. Try again in a second.")
                    .retryAfter(1);
        }
    }
}
