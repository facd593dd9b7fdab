package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectResponsesTest {

    @Test
    void readsTheOrderFieldsTheGatewayNeeds() {
        ConnectOrder o = ConnectResponses.order("""
                {"id":100,"type":"new","customerRef":"CG-1","isCancellable":true,"serviceId":null,
                 "rejectedReason":"Invalid location","rejectedOn":"2019-10-21T01:35:26Z","status":"Rejected",
                 "appointments":[{"id":10,"status":"Booked","startTime":"2026-01-16T22:00:00Z",
                   "endTime":"2026-01-17T02:00:00Z","timezoneOffset":"+10:00","slotType":"AM"}]}""").orElseThrow();

        assertThat(o).isEqualTo(new ConnectOrder("100", "CG-1", true, "Rejected", "Invalid location",
                "2019-10-21T01:35:26Z", null, null, List.of(new ConnectAppointment("10", "Booked",
                "2026-01-16T22:00:00Z", "2026-01-17T02:00:00Z", "+10:00", "AM"))));
    }

    @Test
    void acceptsAListOrASingleAppointmentAndTextualIdsAndFlags() {
        ConnectOrder o = ConnectResponses.order("""
                {"id":"200","isCancellable":"false","appointment":{"status":"In Progress","startTime":"2026-01-15T08:00:00+10:00"},
                 "appointments":[{"status":"cancelled"}, "junk"],"service":{"nbnServiceActivatedOn":"2026-01-14T03:30:00Z"}}""")
                .orElseThrow();

        assertThat(o.id()).isEqualTo("200");
        assertThat(o.cancellable()).isFalse();
        assertThat(o.serviceActivatedOn()).isEqualTo("2026-01-14T03:30:00Z");
        assertThat(o.appointments()).extracting(ConnectAppointment::status).containsExactly("cancelled", "In Progress");
        assertThat(o.appointments().get(1).start()).contains(Instant.parse("2026-01-14T22:00:00Z"));
    }

    @Test
    void anOrderWithoutANumericIdIsUnreadable() {
        assertThat(ConnectResponses.order("{\"id\":\"ORD-1\"}")).isEmpty();
        assertThat(ConnectResponses.order("{\"id\":-3}")).isEmpty();
        assertThat(ConnectResponses.order("<html>proxy</html>")).isEmpty();
        assertThat(ConnectResponses.order("")).isEmpty();
        assertThat(ConnectResponses.order(null)).isEmpty();
    }

    @Test
    void readsSearchAnswersAsAListOrAPage() {
        assertThat(ConnectResponses.orderList("[]")).contains(List.of());
        assertThat(ConnectResponses.orderList("[{\"id\":1},{\"id\":\"x\"},{\"id\":2}]").orElseThrow())
                .extracting(ConnectOrder::id).containsExactly("1", "2");
        assertThat(ConnectResponses.orderList("{\"content\":[{\"id\":3}],\"totalElements\":1}").orElseThrow())
                .extracting(ConnectOrder::id).containsExactly("3");
        assertThat(ConnectResponses.orderList("{\"id\":3}")).isEmpty();
        assertThat(ConnectResponses.orderList("not json")).isEmpty();
    }

    @Test
    void timesInUtcWithOffsetsWithoutZoneOrAsEpochMillisAreInstants() {
        assertThat(ConnectTimes.parse("2026-01-16T11:59:00Z")).contains(Instant.parse("2026-01-16T11:59:00Z"));
        assertThat(ConnectTimes.parse("2026-01-16T21:59:00.000+10:00")).contains(Instant.parse("2026-01-16T11:59:00Z"));
        assertThat(ConnectTimes.parse("2026-01-16T11:59:00")).contains(Instant.parse("2026-01-16T11:59:00Z"));
        assertThat(ConnectTimes.parse("2026-01-16")).contains(Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(ConnectTimes.parse("1768564740000")).contains(Instant.parse("2026-01-16T11:59:00Z"));
        assertThat(ConnectTimes.parse("tomorrow")).isEmpty();
    }
}
