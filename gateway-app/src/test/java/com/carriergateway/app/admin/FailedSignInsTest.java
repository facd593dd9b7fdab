package com.carriergateway.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.credential.BasicCredential;
import com.carriergateway.core.outbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final FailedSignIns failures = new FailedSignIns(3, Duration.ofMinutes(1), clock);

    AdminCredential credential() {
        AdminProperties props = new AdminProperties();
        props.setUsername("ops");
        props.setPassword("right-password");
        return new AdminCredential(props, failures);
    }

    @Test
    void theThirdFailureWithinTheWindowStopsTheCheckingUntilTheFirstAgesOut() {
        assertThat(failures.failed()).isFalse();
        clock.advance(Duration.ofSeconds(20));
        assertThat(failures.failed()).isFalse();
        assertThat(failures.lockedFor()).isEmpty();
        clock.advance(Duration.ofSeconds(10));

        assertThat(failures.failed()).as("the one that locks").isTrue();

        assertThat(failures.lockedFor()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(failures.lockedFor()).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(failures.lockedFor()).as("the first failure is a minute old").isEmpty();
        assertThat(failures.failed()).as("two within the window again, then this one").isTrue();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        failures.failed();
        failures.failed();
        clock.advance(Duration.ofMinutes(1));

        assertThat(failures.failed()).isFalse();
        assertThat(failures.lockedFor()).isEmpty();
    }

    @Test
    void whileLockedEvenTheRightCredentialIsNotCheckedAndALockedAttemptCountsForNothing() {
        AdminCredential admin = credential();
        assertThat(admin.check("ops", "right-password")).isEqualTo(AdminCredential.Verdict.ACCEPTED);
        for (int i = 0; i < 3; i++) {
            assertThat(admin.check("ops", "guess-" + i)).isEqualTo(AdminCredential.Verdict.REFUSED);
        }

        assertThat(admin.check(new BasicCredential("ops", "right-password"))).isEqualTo(AdminCredential.Verdict.LOCKED);
        assertThat(admin.check("ops", "guess-3")).isEqualTo(AdminCredential.Verdict.LOCKED);
        assertThat(admin.retryAfterSeconds()).isEqualTo(60);

        clock.advance(Duration.ofSeconds(59).plusMillis(1));
        assertThat(admin.retryAfterSeconds()).as("rounded up, never 0").isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(admin.check("ops", "right-password")).isEqualTo(AdminCredential.Verdict.ACCEPTED);
    }

    @Test
    void aSuccessSpendsNothing() {
        AdminCredential admin = credential();
        for (int i = 0; i < 10; i++) {
            assertThat(admin.check("ops", "right-password")).isEqualTo(AdminCredential.Verdict.ACCEPTED);
        }
        assertThat(failures.lockedFor()).isEmpty();
    }

    @Test
    void aBudgetOfNothingIsRefusedAtStartup() {
        assertThatThrownBy(() -> new FailedSignIns(0, Duration.ofMinutes(1), clock))
                .hasMessageContaining("max-failed-sign-ins");
        assertThatThrownBy(() -> new FailedSignIns(5, Duration.ZERO, clock))
                .hasMessageContaining("failed-sign-in-window");
    }
}
