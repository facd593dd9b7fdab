package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectStatusMapTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Set<String> INACTIVE = Set.of("cancelled", "completed");
    private static final ConnectStatusMap MAP = ConnectStatusMap.defaultMap();

    @Test
    void aRejectedOrderIsUnableToDeliverWithTheReasonEvenIfItHasAnAppointment() {
        ConnectOrder o = order(null, "Invalid location", "2026-01-14T23:15:00Z", null, null, booked());

        assertThat(MAP.derive(o, INACTIVE, NOW).update()).isEqualTo(new StatusUpdate(DeliveryStatus.UNABLE_TO_DELIVER,
                "Invalid location", Instant.parse("2026-01-14T23:15:00Z"), "rejected", null));
    }

    @Test
    void precedenceIsCancelledThenActivatedThenExplicitStatusThenAppointmentThenDefault() {
        assertThat(status(order("In Progress", null, null, "2026-01-14T05:00:00Z", "2026-01-13T00:00:00Z", booked())))
                .isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(status(order("In Progress", null, null, null, "2026-01-13T00:00:00Z", booked())))
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status(order("Cancelled", null, null, null, null, booked()))).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(status(order(null, null, null, null, null, booked()))).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(status(order(null, null, null, null, null,
                new ConnectAppointment("1", "cancelled", "2026-01-16T00:00:00Z", null, null, null))))
                .isEqualTo(DeliveryStatus.CREATED);
        assertThat(status(order(null, null, null, null, null))).isEqualTo(DeliveryStatus.CREATED);
    }

    @Test
    void anUnmappedStatusFallsThroughWithAWarning() {
        ConnectStatusMap.Derived d = MAP.derive(order("AWAITING_NBN", null, null, null, null, booked()), INACTIVE, NOW);

        assertThat(d.update().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(d.warnings()).containsExactly(
                "unmapped Connect order status 'AWAITING_NBN' (status-map.order.awaiting-nbn)");
    }

    @Test
    void overridesReplaceDefaultsAndStatusWordsAreNormalised() {
        ConnectStatusMap custom = ConnectStatusMap.withOverrides(Map.of(
                "order.AWAITING_NBN", "acknowledged",
                "appointment.booked", "NONE",
                "event.appointment.cancelled", "UNABLE_TO_DELIVER"), k -> "status-map." + k);

        assertThat(custom.derive(order("Awaiting nbn", null, null, null, null), INACTIVE, NOW).update().status())
                .isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(custom.derive(order(null, null, null, null, null, booked()), INACTIVE, NOW).update().status())
                .isEqualTo(DeliveryStatus.CREATED);
        assertThat(custom.lookup(ConnectStatusMap.eventKey("Appointment.Cancelled.Event")))
                .contains(DeliveryStatus.UNABLE_TO_DELIVER);
    }

    @Test
    void aWrongValueFailsNamingTheProperty() {
        assertThatThrownBy(() -> ConnectStatusMap.withOverrides(Map.of("order.done", "FINISHED"),
                k -> "gateway.carriers.connect.status-map." + k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gateway.carriers.connect.status-map.order.done must be one of");
    }

    private static DeliveryStatus status(ConnectOrder o) {
        return MAP.derive(o, INACTIVE, NOW).update().status();
    }

    private static ConnectAppointment booked() {
        return new ConnectAppointment("1", "Booked", "2026-01-20T00:00:00Z", null, "+10:00", "AM");
    }

    private static ConnectOrder order(String status, String rejectedReason, String rejectedOn, String cancelledOn,
                                      String activatedOn, ConnectAppointment... appointments) {
        return new ConnectOrder("9", null, true, status, rejectedReason, rejectedOn, cancelledOn, activatedOn,
                List.of(appointments));
    }
}
