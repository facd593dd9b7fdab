package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CancelWindowRuleTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Set<String> INACTIVE = Set.of("cancelled", "canceled", "completed", "complete");
    private static final CancelWindowRule RULE = new CancelWindowRule(Duration.ofHours(26), false, INACTIVE);

    @Test
    void anAppointment25h59mAwayBlocksAndTheReasonNamesItsStartAndTheWindow() {
        CancelWindowRule.Verdict v = RULE.evaluate(order(true, appt("Booked", "2026-01-16T11:59:00Z")), CLOCK);

        assertThat(v).isInstanceOf(CancelWindowRule.WithinWindow.class);
        CancelWindowRule.WithinWindow w = (CancelWindowRule.WithinWindow) v;
        assertThat(w.start()).isEqualTo(Instant.parse("2026-01-16T11:59:00Z"));
        assertThat(w.reason()).isEqualTo("Connect order 42 cannot be cancelled: its nbn appointment starts at "
                + "2026-01-16T11:59:00Z, less than 26h from now (Connect allows no cancellation within 26h of an "
                + "active appointment)");
    }

    @Test
    void anAppointment26h01mAwayAllows() {
        assertThat(RULE.evaluate(order(true, appt("Booked", "2026-01-16T12:01:00Z")), CLOCK))
                .isInstanceOf(CancelWindowRule.Allowed.class);
    }

    @Test
    void exactlyAtTheWindowIsAllowedByDefaultAndRefusedWhenConfigured() {
        ConnectOrder atBoundary = order(true, appt("Booked", "2026-01-16T12:00:00Z"));

        assertThat(RULE.evaluate(atBoundary, CLOCK)).isInstanceOf(CancelWindowRule.Allowed.class);
        assertThat(new CancelWindowRule(Duration.ofHours(26), true, INACTIVE).evaluate(atBoundary, CLOCK))
                .isInstanceOf(CancelWindowRule.WithinWindow.class);
    }

    @Test
    void offsetsAreHonouredAsInstants() {
        // 21:59+10:00 is 11:59Z: inside. Read naively as 21:59Z it would be 35h59m away and allowed.
        CancelWindowRule.Verdict inside = RULE.evaluate(order(true, appt("Booked", "2026-01-16T21:59:00+10:00")), CLOCK);
        assertThat(inside).isInstanceOf(CancelWindowRule.WithinWindow.class);
        assertThat(((CancelWindowRule.WithinWindow) inside).reason()).contains("starts at 2026-01-16T21:59:00+10:00");
        // 02:01-10:00 next day is 12:01Z: outside. Read naively as 02:01Z it would be inside.
        assertThat(RULE.evaluate(order(true, appt("Booked", "2026-01-16T02:01:00-10:00")), CLOCK))
                .isInstanceOf(CancelWindowRule.Allowed.class);
    }

    @Test
    void aStartedOrPastActiveAppointmentBlocks() {
        CancelWindowRule.Verdict v = RULE.evaluate(order(true, appt("In Progress", "2026-01-15T08:00:00Z")), CLOCK);

        assertThat(v).isInstanceOf(CancelWindowRule.WithinWindow.class);
        assertThat(((CancelWindowRule.WithinWindow) v).reason())
                .contains("started at 2026-01-15T08:00:00Z and is not completed");
        assertThat(RULE.evaluate(order(true, appt("Booked", "2026-01-10T08:00:00Z")), CLOCK))
                .isInstanceOf(CancelWindowRule.WithinWindow.class);
    }

    @Test
    void cancelledOrCompletedAppointmentsAreIgnoredWhateverTheirCase() {
        assertThat(RULE.evaluate(order(true, appt("CANCELLED", "2026-01-16T11:59:00Z"),
                appt("Completed", "2026-01-15T08:00:00Z")), CLOCK)).isInstanceOf(CancelWindowRule.Allowed.class);
    }

    @Test
    void theEarliestBlockingAppointmentIsNamed() {
        CancelWindowRule.Verdict v = RULE.evaluate(order(true, appt("Booked", "2026-01-16T09:00:00Z"),
                appt("Reserved", "2026-01-15T20:00:00Z"), appt("Booked", "2026-02-01T00:00:00Z")), CLOCK);

        assertThat(((CancelWindowRule.WithinWindow) v).start()).isEqualTo(Instant.parse("2026-01-15T20:00:00Z"));
    }

    @Test
    void noAppointmentOrNoConfirmedStartAllows() {
        assertThat(RULE.evaluate(order(true), CLOCK)).isInstanceOf(CancelWindowRule.Allowed.class);
        assertThat(RULE.evaluate(order(null, appt("Reserved", null)), CLOCK)).isInstanceOf(CancelWindowRule.Allowed.class);
    }

    @Test
    void notCancellableRefusesWhateverTheAppointments() {
        CancelWindowRule.Verdict v = RULE.evaluate(order(false), CLOCK);

        assertThat(v).isEqualTo(new CancelWindowRule.NotCancellable(
                "Connect order 42 is not cancellable (isCancellable=false)"));
    }

    @Test
    void theWindowIsConfigurable() {
        ConnectOrder in30h = order(true, appt("Booked", "2026-01-16T16:00:00Z"));
        CancelWindowRule twoDays = new CancelWindowRule(Duration.ofHours(48), false, INACTIVE);

        assertThat(RULE.evaluate(in30h, CLOCK)).isInstanceOf(CancelWindowRule.Allowed.class);
        assertThat(twoDays.evaluate(in30h, CLOCK)).isInstanceOf(CancelWindowRule.WithinWindow.class);
        assertThat(((CancelWindowRule.WithinWindow) twoDays.evaluate(in30h, CLOCK)).reason()).contains("less than 48h");
        assertThat(CancelWindowRule.describe(Duration.ofMinutes(90))).isEqualTo("90m");
    }

    private static ConnectOrder order(Boolean cancellable, ConnectAppointment... appointments) {
        return new ConnectOrder("42", "CG-1", cancellable, null, null, null, null, null, List.of(appointments));
    }

    private static ConnectAppointment appt(String status, String start) {
        return new ConnectAppointment("7", status, start, null, "+10:00", "AM");
    }
}
