package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Routing across carriers (the demo pharmacy sends same-day orders to Connect, the rest to Pitney Bowes) and
 * Connect's rule that an order whose appointment starts within 26 hours can no longer be cancelled.
 */
@GatewayTest
class ConnectRoutingEndToEndTest extends EndToEndTest {


    WireMockServer connect;

    @BeforeEach
    void setUp() {
        connect = sandboxes.server("connect");
    }

    StoredOrder bookSameDay(long id) {
        GatewayHttp.Answer created = gateway.createOrder(Seeds.connectOrder(id));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return store.findById(Seeds.providerOrderId(id)).orElseThrow();
    }

    List<LoggedRequest> connectCancelsOf(String connectOrderId) {
        return connect.findAll(postRequestedFor(urlPathEqualTo("/api/connect/orders/cancel"))
                .withRequestBody(equalToJson("{\"orderId\": " + connectOrderId + "}")));
    }

    /** The Connect sandbox now shows this order with a booked technician appointment at {@code start}. */
    void appointmentAt(String connectOrderId, String start, boolean cancellable) {
        appointmentAt(connect, connectOrderId, start, cancellable);
    }

    static void appointmentAt(WireMockServer connect, String connectOrderId, String start, boolean cancellable) {
        connect.stubFor(get(urlPathEqualTo("/api/connect/orders/" + connectOrderId)).atPriority(1)
                .willReturn(okJson("{\"id\": " + connectOrderId + ", \"type\": \"new\", \"isCancellable\": " + cancellable
                        + ", \"appointments\": [{\"id\": 77, \"status\": \"Booked\", \"startTime\": \"" + start
                        + "\", \"endTime\": \"" + start + "\", \"slotType\": \"AM\", \"timezoneOffset\": \"+10:00\"}]}")));
    }

    @Test
    void aSameDayOrderIsBookedWithConnectAndANormalOneWithPitneyBowes() {
        long sameDay = Seeds.nextUniqueId();
        StoredOrder viaConnect = bookSameDay(sameDay);
        assertThat(viaConnect.carrierId()).isEqualTo("connect");
        List<LoggedRequest> creates = connect.findAll(postRequestedFor(urlPathEqualTo("/api/connect/orders/create"))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(viaConnect.providerOrderId()))));
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).getHeader("X-API-VERSION")).isEqualTo("7");
        assertThat(creates.get(0).getHeader("Authorization")).startsWith("Bearer ");
        assertThat(viaConnect.trackingId()).as("Connect has no tracking numbers: its order id stands in")
                .isEqualTo(viaConnect.carrierOrderId());

        long normal = Seeds.nextUniqueId();
        assertThat(gateway.createOrder(Seeds.createOrder(normal)).status()).isEqualTo(200);
        assertThat(store.findById(Seeds.providerOrderId(normal)).orElseThrow().carrierId()).isEqualTo("pitney-bowes");
    }

    @Test
    void aSameDayOrderAskingForASignatureIsPassedOverToACarrierThatTakesOneAndTheAnswerSaysSo() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(id, j -> j.put("service_level", "same_day")));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(store.findById(Seeds.providerOrderId(id)).orElseThrow().carrierId()).isEqualTo("pitney-bowes");
        assertThat(created.json().at("/messages/0/message_code").asText()).isEqualTo("DIS2006");
        assertThat(created.json().at("/messages/0/message").asText()).isEqualTo(
                "Carrier connect cannot honour a signature; the order was booked with pitney-bowes.");
        assertThat(connect.findAll(postRequestedFor(urlPathEqualTo("/api/connect/orders/create"))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(Seeds.providerOrderId(id))))))
                .as("Connect was never asked").isEmpty();
    }

    @Test
    void anOrderAskingForRefrigerationNoCarrierOffersIsRefusedNamingTheFieldAndNothingIsBooked() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer refused = gateway.createOrder(Seeds.createOrder(id,
                j -> j.put("refrigeration_needed", "true")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("request_is_valid").asText()).isEqualTo("false");
        assertThat(refused.code()).isEqualTo("DIS0014");
        assertThat(refused.json().at("/messages/0/field").asText()).isEqualTo("refrigeration_needed");
        assertThat(refused.body()).doesNotContain("Exception");
        StoredOrder order = store.findById(Seeds.providerOrderId(id)).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.FAILED);
        assertThat(order.carrierOrderId()).isNull();
        assertThat(sandboxes.server("pitney-bowes").findAll(postRequestedFor(urlPathEqualTo(
                "/shippingservices/fulfillment/v1/orders")).withRequestBody(matchingJsonPath("$.clientOrderId",
                equalTo(Seeds.providerOrderId(id)))))).as("no carrier was asked").isEmpty();
    }

    @Test
    void anAppointmentTwentyFiveHoursFiftyNineMinutesAwayBlocksTheCancelWithoutCallingConnect() {
        long id = Seeds.nextUniqueId();
        StoredOrder order = bookSameDay(id);
        String start = Instant.now().plus(Duration.ofHours(25).plusMinutes(59)).truncatedTo(ChronoUnit.SECONDS).toString();
        appointmentAt(order.carrierOrderId(), start, true);

        GatewayHttp.Answer answer = gateway.cancelOrder(Seeds.cancelOrder(id));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("request_is_valid").asBoolean()).as("the request was valid").isTrue();
        assertThat(answer.json().at("/data/status").asBoolean()).isFalse();
        assertThat(answer.json().at("/data/status_reason").asText()).contains(start.substring(0, 16)).contains("26");
        assertThat(answer.code()).isEqualTo("DIS1001");
        assertThat(answer.json().at("/messages/0/carrier").asText()).isEqualTo("connect");
        assertThat(connectCancelsOf(order.carrierOrderId())).isEmpty();
        assertThat(store.findById(order.providerOrderId()).orElseThrow().state()).isEqualTo(OrderState.BOOKED);
    }

    @Test
    void anAppointmentTwentySixHoursOneMinuteAwayGivenWithAnOffsetStillAllowsTheCancel() {
        long id = Seeds.nextUniqueId();
        StoredOrder order = bookSameDay(id);
        String start = Instant.now().plus(Duration.ofHours(26).plusMinutes(1)).truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.ofHours(10)).toString();
        appointmentAt(order.carrierOrderId(), start, true);

        GatewayHttp.Answer answer = gateway.cancelOrder(Seeds.cancelOrder(id));

        assertThat(answer.json().at("/data/status").asBoolean()).as(answer.body()).isTrue();
        assertThat(connectCancelsOf(order.carrierOrderId())).hasSize(1);
        assertThat(store.findById(order.providerOrderId()).orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void anOrderConnectMarksNotCancellableIsRefusedWithThatReason() {
        long id = Seeds.nextUniqueId();
        StoredOrder order = bookSameDay(id);
        appointmentAt(order.carrierOrderId(), Instant.now().plus(Duration.ofDays(10)).toString(), false);

        GatewayHttp.Answer answer = gateway.cancelOrder(Seeds.cancelOrder(id));

        assertThat(answer.json().at("/data/status").asBoolean()).isFalse();
        assertThat(answer.json().at("/data/status_reason").asText()).containsIgnoringCase("not cancellable");
        assertThat(connectCancelsOf(order.carrierOrderId())).isEmpty();
    }
}
