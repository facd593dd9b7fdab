package com.carriergateway.adapter.examplecourier;

import static com.carriergateway.adapter.contract.ExpectedRequest.get;
import static com.carriergateway.adapter.contract.ExpectedRequest.post;
import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static com.carriergateway.adapter.contract.Outcomes.assertRefused;
import static com.carriergateway.adapter.contract.Outcomes.assertSuccess;
import static com.carriergateway.adapter.contract.Outcomes.assertTransientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.contract.CarrierAdapterContractTest;
import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import com.carriergateway.adapter.contract.ContractCase;
import com.carriergateway.adapter.contract.ExpectedRequest;
import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Example Courier against its sandbox stubs ({@code wiremock-stubs/example-courier}), over real HTTP: for each case,
 * exactly what the carrier receives and the typed outcome. The kit adds the generic checks (connection reset, 503,
 * an unreadable 200, a slow answer, NotSupported for what is not offered).
 *
 * <p>Every case builds a fresh adapter, so its token cache is empty and the token request is part of exactly what the
 * carrier receives. TODO(carrier): one case per documented behaviour of each operation, success and errors.
 */
class ExampleCourierContractTest extends CarrierAdapterContractTest {

    static final String CARRIER_ID = "example-courier";
    static final String CLIENT_ID = "sandbox-client";
    static final String CLIENT_SECRET = "sandbox-secret";
    /** The sandbox's tokens: what its token stub mints. */
    static final String BEARER = "Bearer sandbox-[A-Za-z0-9]{32}";

    private String baseUrl;

    @Override
    protected String stubsOnClasspath() {
        return "wiremock-stubs/example-courier";
    }

    @Override
    protected CarrierAdapter createAdapter(String sandboxBaseUrl, Clock clock, Duration requestTimeout) {
        this.baseUrl = sandboxBaseUrl;
        return courier(Map.of());
    }

    @Override
    protected CarrierOrderRef knownOrder() {
        return ref("DLV-1");
    }

    @Override
    protected WebhookRequest sampleWebhook() {
        return webhook(EVENTS);
    }

    /** A new adapter (empty token cache) on the sandbox, bound as the gateway binds it, with these keys on top. */
    private CarrierAdapter courier(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("base-url", baseUrl);
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
        values.putAll(overrides);
        return CarrierSettingsBinding.create(new ExampleCourierAdapterProvider(), CARRIER_ID, values, clock());
    }

    private CarrierAdapter courier() {
        return courier(Map.of());
    }

    @Override
    protected List<ContractCase> contractCases() {
        List<ContractCase> cases = new ArrayList<>();
        cases.addAll(createCases());
        cases.addAll(findCases());
        cases.addAll(statusCases());
        cases.addAll(cancelCases());
        cases.addAll(webhookCases());
        return cases;
    }

    private List<ContractCase> createCases() {
        return List.of(
                ContractCase.of(Operation.CREATE_ORDER, "the seed order: a token, then the delivery; its id is the "
                                + "carrier order, its tracking number the tracking id")
                        .when(a -> courier().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(createRequest(SampleOrders.SEED_ORDER_KEY))
                        .then(r -> assertThat((CarrierOrder) assertSuccess(r)).isEqualTo(new CarrierOrder(
                                "DLV-CG-SEED1001", "TRK-CG-SEED1001",
                                "https://track.example-courier.test/TRK-CG-SEED1001", null, null,
                                new StatusUpdate(DeliveryStatus.CREATED, null, Instant.parse("2026-01-15T10:00:00Z"),
                                        "created", null)))),
                ContractCase.of(Operation.CREATE_ORDER, "422: rejected content, permanent VALIDATION keeping the "
                                + "carrier's code and field")
                        .when(a -> courier().createOrder(SampleOrders.seedOrder("CG-SEED1001-INVALID")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(createRequest("CG-SEED1001-INVALID"))
                        .then(r -> {
                            CarrierError e = assertPermanentFailure(r, Category.VALIDATION, "invalid_request");
                            assertThat(e.carrierMessage()).isEqualTo("dropoff.phone: must be a mobile number");
                            assertThat(e.httpStatus()).isEqualTo(422);
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "an undeliverable address is a refusal the pharmacy can act on")
                        .when(a -> courier().createOrder(SampleOrders.seedOrder("CG-SEED1001-UNDELIVERABLE")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(createRequest("CG-SEED1001-UNDELIVERABLE"))
                        .then(r -> assertRefused(r, Category.UNDELIVERABLE_ADDRESS, "address_undeliverable")),
                ContractCase.of(Operation.CREATE_ORDER, "500: transient, and the delivery may exist")
                        .when(a -> courier().createOrder(SampleOrders.seedOrder("CG-SEED1001-SERVER-ERROR")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(createRequest("CG-SEED1001-SERVER-ERROR"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true).carrierCode())
                                .isEqualTo("internal_error")),
                ContractCase.of(Operation.CREATE_ORDER, "429: transient, nothing created, with the carrier's "
                                + "Retry-After")
                        .when(a -> courier().createOrder(SampleOrders.seedOrder("CG-SEED1001-RATE-LIMITED")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(createRequest("CG-SEED1001-RATE-LIMITED"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.RATE_LIMITED, false).retryAfter())
                                .isEqualTo(Duration.ofSeconds(30))),
                ContractCase.of(Operation.CREATE_ORDER, "credentials refused by the token endpoint: permanent "
                                + "AUTHENTICATION, and the delivery is never sent")
                        .when(a -> courier(Map.of("client-id", "bad-credential"))
                                .createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest("bad-credential"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.AUTHENTICATION, "invalid_client")
                                .httpStatus()).isEqualTo(401)));
    }

    private List<ContractCase> findCases() {
        return List.of(
                ContractCase.of(Operation.FIND_ORDER, "no delivery with the reference: success, empty")
                        .when(a -> courier().findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(findRequest(SampleOrders.SEED_ORDER_KEY))
                        .then(r -> assertThat(this.<Optional<CarrierOrder>>value(r)).isEmpty()),
                ContractCase.of(Operation.FIND_ORDER, "the carrier holds it: the delivery with its mapped status")
                        .when(a -> courier().findOrder("CG-SEED1001-EXISTS"))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(findRequest("CG-SEED1001-EXISTS"))
                        .then(r -> assertThat(this.<Optional<CarrierOrder>>value(r)).contains(new CarrierOrder(
                                "DLV-CG-SEED1001-EXISTS", "TRK-CG-SEED1001-EXISTS",
                                "https://track.example-courier.test/TRK-CG-SEED1001-EXISTS", null, null,
                                new StatusUpdate(DeliveryStatus.ACKNOWLEDGED, null,
                                        Instant.parse("2026-01-15T09:05:00Z"), "courier_assigned", null)))));
    }

    private List<ContractCase> statusCases() {
        return List.of(
                ContractCase.of(Operation.GET_STATUS, "picked_up is PICKED_UP, at the carrier's update time")
                        .when(a -> courier().getStatus(ref("DLV-1")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(apiGet("/v1/deliveries/DLV-1"))
                        .then(r -> assertThat((StatusUpdate) assertSuccess(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.PICKED_UP, null, Instant.parse("2026-01-15T09:30:00Z"), "picked_up",
                                null))),
                ContractCase.of(Operation.GET_STATUS, "status-map overrides the built-in map")
                        .when(a -> courier(Map.of("status-map.out_for_delivery", "IN_TRANSIT"))
                                .getStatus(ref("DLV-STATUS-OUT_FOR_DELIVERY")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(apiGet("/v1/deliveries/DLV-STATUS-OUT_FOR_DELIVERY"))
                        .then(r -> assertThat(((StatusUpdate) assertSuccess(r)).status())
                                .isEqualTo(DeliveryStatus.IN_TRANSIT)),
                ContractCase.of(Operation.GET_STATUS, "401 once: one fresh token, one retry")
                        .when(a -> courier().getStatus(ref("DLV-TOKEN-REJECTED-ONCE")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(apiGet("/v1/deliveries/DLV-TOKEN-REJECTED-ONCE"))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(apiGet("/v1/deliveries/DLV-TOKEN-REJECTED-ONCE"))
                        .then(r -> assertThat(((StatusUpdate) assertSuccess(r)).status())
                                .isEqualTo(DeliveryStatus.IN_TRANSIT)),
                ContractCase.of(Operation.GET_STATUS, "unknown delivery: permanent NOT_FOUND")
                        .when(a -> courier().getStatus(ref("DLV-NOT-FOUND")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(apiGet("/v1/deliveries/DLV-NOT-FOUND"))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, "not_found")),
                ContractCase.of(Operation.GET_STATUS, "an order never booked here: NOT_FOUND without a call")
                        .when(a -> courier().getStatus(new CarrierOrderRef(null, SampleOrders.SEED_ORDER_KEY, null)))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, null)));
    }

    private List<ContractCase> cancelCases() {
        return List.of(
                ContractCase.of(Operation.CANCEL_ORDER, "POST cancel without a body: cancelled")
                        .when(a -> courier().cancelOrder(ref("DLV-1")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(cancelRequest("DLV-1"))
                        .then(r -> assertThat((CancelOutcome) assertSuccess(r)).isEqualTo(new CancelOutcome(
                                new StatusUpdate(DeliveryStatus.CANCELLED, null, Instant.parse("2026-01-15T10:00:00Z"),
                                        "cancelled", null), null))),
                ContractCase.of(Operation.CANCEL_ORDER, "already picked up: refused (CONFLICT) keeping the carrier's "
                                + "code and text")
                        .when(a -> courier().cancelOrder(ref("DLV-PICKED-UP")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(cancelRequest("DLV-PICKED-UP"))
                        .then(r -> assertThat(assertRefused(r, Category.CONFLICT, "already_picked_up").carrierMessage())
                                .isEqualTo("The courier has already picked up this delivery")),
                ContractCase.of(Operation.CANCEL_ORDER, "already cancelled: a success, so a repeated cancel is "
                                + "harmless")
                        .when(a -> courier().cancelOrder(ref("DLV-ALREADY-CANCELLED")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(cancelRequest("DLV-ALREADY-CANCELLED"))
                        .then(r -> assertThat(((CancelOutcome) assertSuccess(r)).status()).isEqualTo(new StatusUpdate(
                                DeliveryStatus.CANCELLED, "already cancelled", NOW, "already_cancelled", null))),
                ContractCase.of(Operation.CANCEL_ORDER, "unknown delivery: permanent NOT_FOUND")
                        .when(a -> courier().cancelOrder(ref("DLV-NOT-FOUND")))
                        .expectRequest(tokenRequest(CLIENT_ID))
                        .expectRequest(cancelRequest("DLV-NOT-FOUND"))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, "not_found")));
    }

    /** Two events out of order and one the gateway cannot use. */
    static final String EVENTS = """
            [{"event_id": "evt-2", "delivery_id": "DLV-CG-SEED1001", "reference": "CG-SEED1001",
              "tracking_number": "TRK-CG-SEED1001", "status": "delivered", "occurred_at": "2026-01-15T15:10:00Z"},
             {"event_id": "evt-1", "delivery_id": "DLV-CG-SEED1001", "reference": "CG-SEED1001",
              "tracking_number": "TRK-CG-SEED1001", "status": "out_for_delivery",
              "occurred_at": "2026-01-15T08:00:00-06:00"},
             {"event_id": "evt-3", "delivery_id": "DLV-CG-SEED1001", "status": "note_added"}]""";

    private List<ContractCase> webhookCases() {
        return List.of(
                ContractCase.of(Operation.PARSE_WEBHOOK, "events become status events oldest first; an unmapped "
                                + "status is skipped with a warning")
                        .when(a -> courier().parseWebhook(webhook(EVENTS)))
                        .then(r -> {
                            List<CarrierStatusEvent> events = assertSuccess(r);
                            assertThat(events).containsExactly(
                                    new CarrierStatusEvent("DLV-CG-SEED1001", "TRK-CG-SEED1001", "CG-SEED1001", "evt-1",
                                            new StatusUpdate(DeliveryStatus.OUT_FOR_DELIVERY, null,
                                                    Instant.parse("2026-01-15T14:00:00Z"), "out_for_delivery", null)),
                                    new CarrierStatusEvent("DLV-CG-SEED1001", "TRK-CG-SEED1001", "CG-SEED1001", "evt-2",
                                            new StatusUpdate(DeliveryStatus.DELIVERED, null,
                                                    Instant.parse("2026-01-15T15:10:00Z"), "delivered", null)));
                            assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString()
                                    .contains("note_added");
                        }),
                ContractCase.of(Operation.PARSE_WEBHOOK, "a body that is not JSON: permanent PROTOCOL")
                        .when(a -> courier().parseWebhook(webhook("status=delivered")))
                        .then(r -> assertPermanentFailure(r, Category.PROTOCOL, null)));
    }

    // ---- what the carrier must receive ----

    static ExpectedRequest tokenRequest(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return post("/oauth/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .formBody(Map.of("grant_type", "client_credentials"));
    }

    static ExpectedRequest createRequest(String orderKey) {
        return post("/v1/deliveries").headerMatching("Authorization", BEARER)
                .header("Content-Type", "application/json")
                .jsonBody(seedDeliveryBody(orderKey));
    }

    static ExpectedRequest findRequest(String orderKey) {
        return apiGet("/v1/deliveries").query("reference", orderKey);
    }

    static ExpectedRequest apiGet(String path) {
        return get(path).headerMatching("Authorization", BEARER).withoutHeader("Content-Type").emptyBody();
    }

    static ExpectedRequest cancelRequest(String deliveryId) {
        return post("/v1/deliveries/" + deliveryId + "/cancel").headerMatching("Authorization", BEARER)
                .withoutHeader("Content-Type").emptyBody();
    }

    /** The seed order as the carrier must receive it: where, to whom, what at the door; no Rx or patient data. */
    static String seedDeliveryBody(String orderKey) {
        return """
                {
                  "reference": "%s",
                  "service": "standard",
                  "pickup": {
                    "name": "BestRx Pharmacy", "phone": "6308939210",
                    "address": {"line1": "2625 Butterfield Rd", "line2": "Suite 200S", "city": "Oak Brook",
                                "state": "IL", "postal_code": "60523", "country": "US"}
                  },
                  "dropoff": {
                    "name": "Jane Doe", "phone": "45678946785",
                    "address": {"line1": "500 Second Ave", "line2": "Suite 100", "city": "Bloomingdale",
                                "state": "IL", "postal_code": "60108", "country": "US"},
                    "instructions": "Please leave on back porch if no one is home."
                  },
                  "parcel": {
                    "weight": {"value": 8, "unit": "oz"}, "length": {"value": 3, "unit": "in"},
                    "width": {"value": 2, "unit": "in"}, "height": {"value": 2, "unit": "in"}
                  },
                  "requirements": {"signature": true, "id_check": false},
                  "pickup_date": "2020-05-31",
                  "deliver_by": "2020-06-02"
                }""".formatted(orderKey);
    }

    @SuppressWarnings("unchecked")
    private <T> T value(CarrierResult<?> r) {
        return (T) assertSuccess(r);
    }

    static CarrierOrderRef ref(String deliveryId) {
        return new CarrierOrderRef(deliveryId, SampleOrders.SEED_ORDER_KEY, deliveryId);
    }

    static WebhookRequest webhook(String body) {
        return WebhookRequest.post(Map.of("Content-Type", List.of("application/json")), body);
    }
}
