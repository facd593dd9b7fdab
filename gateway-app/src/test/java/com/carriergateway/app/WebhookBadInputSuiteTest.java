package com.carriergateway.app;

import static com.carriergateway.app.StatusTraffic.batch;
import static com.carriergateway.app.StatusTraffic.pbEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.outbox.OutboxStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Malformed and edge-case carrier webhooks, case by case, against a freshly booked Pitney Bowes order. A carrier
 * is not BestRx: it gets a small JSON answer, not an envelope. Each case is either applied (a real carrier could
 * send it), acknowledged without a change (2xx, so the carrier stops retrying something that will never apply),
 * or refused with a 4xx; never a 5xx. Whatever is not applied leaves the order, its history and its outbox as
 * they were. The reason for each decision is written beside it.
 */
@GatewayTest
class WebhookBadInputSuiteTest extends EndToEndTest {

    static final String PB = StatusTraffic.PB_WEBHOOK;
    static final String CONNECT = "/webhooks/connect";
    static final String PB_AUTH = StatusTraffic.PB_WEBHOOK_AUTH;
    static final String CONNECT_AUTH = GatewayHttp.basic("demo-connect-webhook", "demo-connect-webhook-secret");

    @Autowired
    OutboxStore outbox;

    /**
     * @param body    the body, given the booked order's tracking number
     * @param status  the HTTP status the gateway must answer
     * @param applied how many status changes the order must have taken (0: order, history and outbox untouched)
     */
    record Case(String name, String path, String auth, Map<String, String> headers, Function<String, String> body,
                int status, int applied, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case pb(String name, Function<String, String> body, int status, int applied, String why) {
        return new Case("PB: " + name, PB, PB_AUTH, Map.of("X-PB-ReferenceId", "ref-1"), body, status, applied, why);
    }

    static Case connect(String name, Map<String, String> headers, String body, int status, String why) {
        return new Case("Connect: " + name, CONNECT, CONNECT_AUTH, headers, t -> body, status, 0, why);
    }

    static String event(String tracking, String code, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode e = pbEvent(tracking, code, "2026-11-20T10:00:00Z", null);
        edit.accept(e);
        return batch(e);
    }

    static Stream<Case> cases() {
        Map<String, String> rejected = Map.of("z-event-type", "order.rejected.event", "z-notification-model", "order");
        return Stream.of(
                pb("a documented event", t -> event(t, "OFD", e -> { }), 200, 1, "the baseline: applied"),
                pb("a single event object instead of an array", t -> event(t, "OFD", e -> { }).replaceAll("^\\[|]$", ""),
                        200, 1, "accepted as documented: one event is one event"),
                pb("field names in camelCase", t -> "[{\"trackingNumber\":\"" + t + "\",\"standardizedEventCode\":\"OFD\","
                        + "\"eventDate\":\"2026-11-20\",\"eventTime\":\"10:00:00\"}]", 200, 1,
                        "PB's own examples differ in case; matched ignoring it"),
                pb("a signer with accents and an emoji", t -> event(t, "DLD", e -> e.put("signedBy", "José Ñúñez 😀")),
                        200, 1, "a name is a name"),
                pb("an unreadable event date", t -> event(t, "OFD", e -> e.put("eventDate", "yesterday")), 200, 1,
                        "the event is real; the time received stands in for the date"),
                pb("not JSON", t -> "not json {", 400, 0, "nothing can be read: the carrier must fix its request"),
                pb("an empty body", t -> "", 400, 0, "nothing can be read"),
                pb("a JSON string", t -> "\"DLD\"", 400, 0, "neither an event nor a list of events"),
                pb("deeply nested JSON", t -> "[".repeat(5_000) + "]".repeat(5_000), 400, 0,
                        "refused by the parser's depth limit, not by a stack overflow"),
                pb("an empty array", t -> "[]", 200, 0, "no events: acknowledged, nothing to do"),
                pb("numbers instead of events", t -> "[1, 2, 3]", 200, 0, "non-object entries are skipped"),
                pb("an unknown event code", t -> event(t, "XYZ", e -> { }), 200, 0,
                        "a code the status map does not know changes nothing; retrying would not help"),
                pb("an informational event", t -> event(t, "INF", e -> { }), 200, 0, "INF says nothing about delivery"),
                pb("no tracking number", t -> event(t, "DLD", e -> e.remove("trackingNumber")), 200, 0,
                        "cannot be matched to an order: skipped, acknowledged"),
                pb("a tracking number of another parcel", t -> event("1Z" + t, "DLD", e -> { }), 200, 0,
                        "an unknown parcel: acknowledged so PB stops retrying, nothing changes"),
                pb("a SQL-like tracking number", t -> event("' OR '1'='1", "DLD", e -> { }), 200, 0,
                        "only ever a bound parameter: it matches no order"),
                pb("a tracking number of 10,000 characters", t -> event("9".repeat(10_000), "DLD", e -> { }), 200, 0,
                        "matches no order; nothing is stored from it"),
                pb("the code as a number", t -> event(t, "DLD", e -> e.put("StandardizedEventCode", 42)), 200, 0,
                        "no such code: no change"),
                pb("a script in the description", t -> event(t, "OFD", e -> e.put("StandardizedEventDescription",
                        "<script>alert(1)</script>")), 200, 1,
                        "the description is only a reason text, sent to BestRx as JSON text; the event is real"),
                connect("no z-event-type", Map.of(), "{\"id\": 1}", 400, "the event type says what happened"),
                connect("an array body", rejected, "[{\"id\": 1}]", 400, "Connect sends one JSON object"),
                connect("an unknown event type", Map.of("z-event-type", "order.teleported.event"), "{\"id\": 1}", 200,
                        "acknowledged and ignored: a new Connect event must not make Connect retry for ever"),
                connect("an order id that is not a number", rejected, "{\"id\": \"abc\", \"rejectedReason\": \"x\"}", 200,
                        "no such order: acknowledged, nothing changes"),
                connect("an order no pharmacy booked", rejected, "{\"id\": 987654321, \"rejectedReason\": \"x\"}", 200,
                        "unknown order: acknowledged, nothing changes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachWebhookIsAppliedAcknowledgedOrRefusedAsDecided(Case c) {
        GatewayHttp.Answer booked = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        String key = booked.json().at("/data/provider_order_id").asText();
        String tracking = booked.json().at("/data/tracking_id").asText();
        int historyBefore = store.history(key).size();

        GatewayHttp.Answer a = gateway.post(c.path(), c.body().apply(tracking), c.auth(), c.headers());

        assertThat(a.status()).as(c.why() + "\n" + a.body()).isLessThan(500).isEqualTo(c.status());
        assertThat(a.header("Content-Type")).startsWith("application/json");
        if (c.status() == 200) {
            assertThat(a.json().path("applied").asInt()).as(c.why() + "\n" + a.body()).isEqualTo(c.applied());
        }
        if (c.applied() == 0) {
            assertThat(store.history(key)).as("history untouched").hasSize(historyBefore);
            assertThat(outbox.entries(key)).as("nothing queued for BestRx").isEmpty();
            assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.CREATED);
        } else {
            assertThat(outbox.entries(key)).as("queued for BestRx").hasSize(c.applied());
        }
    }

    @Test
    void theSuiteCoversBothCarriersWebhooks() {
        assertThat(cases().map(Case::path).distinct()).containsExactlyInAnyOrder(PB, CONNECT);
        assertThat(cases().count()).isGreaterThanOrEqualTo(20);
    }
}
