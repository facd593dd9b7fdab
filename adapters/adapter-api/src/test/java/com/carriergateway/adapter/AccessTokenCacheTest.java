package com.carriergateway.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AccessTokenCache cache = new AccessTokenCache(
            () -> new AccessToken("t" + fetches.incrementAndGet(), Instant.now(clock).plusSeconds(3600)),
            clock, Duration.ofSeconds(60));

    @Test
    void reusesATokenUntilShortlyBeforeItExpires() throws Exception {
        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.token()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRefusedTokenIsReplacedOnceEvenWhenSeveralCallersReportIt() throws Exception {
        String refused = cache.token();
        cache.invalidate(refused);
        String fresh = cache.token();
        cache.invalidate(refused); // a second caller holding the old token must not discard the new one
        assertThat(cache.token()).isEqualTo(fresh).isNotEqualTo(refused);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void itsStateSaysWhetherATokenIsHeldAndUntilWhenButNeverTheToken() throws Exception {
        assertThat(cache.state()).isEqualTo(new AccessTokenState(false, null, null, null));
        cache.token();
        assertThat(cache.state()).isEqualTo(new AccessTokenState(true, Instant.parse("2026-01-01T01:00:00Z"), null,
                null));
        clock.advance(Duration.ofHours(2));
        assertThat(cache.state().held()).as("expired").isFalse();
        assertThat(cache.state().toString()).doesNotContain("t1");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
