package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import static com.carriergateway.adapter.contract.ExpectedRequest.get;
import static com.carriergateway.adapter.contract.ExpectedRequest.post;
import static com.carriergateway.adapter.contract.ExpectedRequest.put;
import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static com.carriergateway.adapter.contract.Outcomes.assertRefused;
import static com.carriergateway.adapter.contract.Outcomes.assertSuccess;
import static com.carriergateway.adapter.contract.Outcomes.assertTransientFailure;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.contract.CarrierAdapterContractTest;
import com.carriergateway.adapter.contract.ContractCase;
import com.carriergateway.adapter.contract.ExpectedRequest;
import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PB adapter against the PB sandbox stubs ({@code wiremock-stubs/pitney-bowes}), over real HTTP.
 *
 * <p>Every case builds a fresh adapter, so its token cache is empty and the token request is part of exactly what
 * PB receives; the shared {@link #adapter} only serves the kit's generic fault checks.
 */
class PitneyBowesContractTest extends CarrierAdapterContractTest {

    static final String CLIENT_ID = "1234";
    static final String API_KEY = "sandbox-key";
    static final String API_SECRET = "sandbox-secret";
    static final String TRACKING_TEMPLATE = "https://track.sandbox.test/{trackingId}";

    static final String FULFILLMENT = "/shippingservices/fulfillment/v1";
    static final String ADDRESSES = "/shippingservices/v1/addresses";
    static final String TRANSACTION_ID = "[A-Za-z0-9_-]{1,25}";
    /** The sandbox's tokens: what PB's token stub mints. */
    static final String BEARER = "Bearer sandbox-[A-Za-z0-9]{32}";

    private String baseUrl;

    @Override
    protected String stubsOnClasspath() {
        return "wiremock-stubs/pitney-bowes";
    }

    @Override
    protected CarrierAdapter createAdapter(String sandboxBaseUrl, Clock clock, Duration requestTimeout) {
        this.baseUrl = sandboxBaseUrl;
        return pb(Map.of());
    }

    @Override
    protected CarrierOrderRef knownOrder() {
        return new CarrierOrderRef("ORD-1234", SampleOrders.SEED_ORDER_KEY, "ORD-1234");
    }

    @Override
    protected WebhookRequest sampleWebhook() {
        return webhook(TRACKING_EVENTS);
    }

    /** A new adapter (empty token cache) on the sandbox, with these settings on top of the defaults. */
    private CarrierAdapter pb(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("base-url", baseUrl);
        values.put("api-key", API_KEY);
        values.put("api-secret", API_SECRET);
        values.put("client-id", CLIENT_ID);
        values.put("request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
        values.put("tracking-url-template", TRACKING_TEMPLATE);
        values.putAll(overrides);
        return CarrierSettingsBinding.create(new PitneyBowesAdapterProvider(), "pitney-bowes", values, clock());
    }

    private CarrierAdapter pb() {
        return pb(Map.of());
    }

    @Override
    protected List<ContractCase> contractCases() {
        List<ContractCase> cases = new java.util.ArrayList<>();
        cases.addAll(createOrderCases());
        cases.addAll(findOrderCases());
        cases.addAll(cancelOrderCases());
        cases.addAll(getStatusCases());
        cases.addAll(validateAddressCases());
        cases.addAll(webhookCases());
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ createOrder

    private List<ContractCase> createOrderCases() {
        return List.of(
                ContractCase.of(Operation.CREATE_ORDER, "the token request is exactly PB's client-credentials form, "
                                + "Basic key:secret, without a transaction id")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest().withoutHeader("X-PB-TransactionId"))
                        .expectRequest(createRequest(SampleOrders.SEED_ORDER_KEY, "60108"))
                        .then(r -> {
                            assertSuccess(r);
                            assertThat(received().get(0).getBodyAsString()).isEqualTo("grant_type=client_credentials");
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "the seed order: a token, then the order; PB's orderId is the "
                                + "carrier order and, with no tracking number yet, the tracking id")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(SampleOrders.SEED_ORDER_KEY, "60108"))
                        .then(r -> {
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).isEqualTo("ORDCGSEED1001CO");
                            assertThat(o.trackingId()).isEqualTo("ORDCGSEED1001CO");
                            assertThat(o.trackingUrl()).as("no URL for a tracking id that is not a parcel's").isNull();
                            assertThat(o.label()).isNull();
                            assertThat(o.manifest()).isNull();
                            assertThat(o.status().status()).isEqualTo(DeliveryStatus.CREATED);
                            assertThat(o.status().carrierCode()).isEqualTo("CREATED");
                            assertThat(o.status().occurredAt()).isNotNull();
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "a tracking number in inputShippingDetails is the tracking id, "
                                + "with its URL")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-WITH-TRACKING")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-WITH-TRACKING", "60108"))
                        .then(r -> {
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).isEqualTo("ORDCGSEED1001WITHTRACKINGCO");
                            assertThat(o.trackingId()).isEqualTo("9400100000000000000001");
                            assertThat(o.trackingUrl()).isEqualTo("https://track.sandbox.test/9400100000000000000001");
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "400 in the unified error shape is a permanent VALIDATION "
                                + "failure keeping PB's code, text and field")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-INVALID")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-INVALID", "60108"))
                        .then(r -> {
                            CarrierError e = assertPermanentFailure(r, Category.VALIDATION, "8000001");
                            assertThat(e.carrierMessage()).isEqualTo("Invalid or missing value for toAddress.phone");
                            assertThat(e.httpStatus()).isEqualTo(400);
                            assertThat(e.detail()).contains("toAddress.phone").containsPattern(
                                    "X-PB-TransactionId [A-Za-z0-9]{24}");
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "400 in legacy format 2 ({status: ERROR, errors[]}) is a "
                                + "permanent VALIDATION failure keeping PB's 8-digit code")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-BAD-DATA")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-BAD-DATA", "60108"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.VALIDATION, "40000072")
                                .carrierMessage()).isEqualTo("Order lines are invalid")),
                ContractCase.of(Operation.CREATE_ORDER, "400 in legacy format 1 (a top-level array) for recipient ZIP "
                                + "00000 is a permanent VALIDATION failure")
                        .when(a -> pb().createOrder(withRecipientZip(SampleOrders.seedOrder(), "00000")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(SampleOrders.SEED_ORDER_KEY, "00000"))
                        .then(r -> {
                            CarrierError e = assertPermanentFailure(r, Category.VALIDATION, "8000003");
                            assertThat(e.carrierMessage()).isEqualTo("Invalid postal code in toAddress");
                            assertThat(e.detail()).contains("toAddress.postalCode");
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "a duplicate clientOrderId is looked up and PB's existing "
                                + "order returned, with a warning")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-DUPLICATE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-DUPLICATE", "60108"))
                        .expectRequest(findRequest("CG-SEED1001-DUPLICATE"))
                        .then(r -> {
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).isEqualTo("ORDCGSEED1001DUPLICATECO");
                            assertThat(o.status().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
                            assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString()
                                    .contains("8000102");
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "500 is transient and the outcome unknown: PB may have "
                                + "created it")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-SERVER-ERROR")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-SERVER-ERROR", "60108"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true).carrierCode())
                                .isEqualTo("1000005")),
                ContractCase.of(Operation.CREATE_ORDER, "503 is transient and nothing was created")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-UNAVAILABLE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-UNAVAILABLE", "60108"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, false).httpStatus())
                                .isEqualTo(503)),
                ContractCase.of(Operation.CREATE_ORDER, "no answer within the timeout: transient TIMEOUT, outcome "
                                + "unknown, transaction id kept for PB support")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-SLOW")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-SLOW", "60108"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.TIMEOUT, true).detail())
                                .containsPattern("X-PB-TransactionId [A-Za-z0-9]{24}")),
                ContractCase.of(Operation.CREATE_ORDER, "an unreadable 200 is transient PROTOCOL with the outcome "
                                + "unknown")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-UNREADABLE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-UNREADABLE", "60108"))
                        .then(r -> assertTransientFailure(r, Category.PROTOCOL, true)),
                ContractCase.of(Operation.CREATE_ORDER, "403 is a permanent AUTHENTICATION failure without a token "
                                + "refresh")
                        .when(a -> pb().createOrder(SampleOrders.seedOrder("CG-SEED1001-FORBIDDEN")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest("CG-SEED1001-FORBIDDEN", "60108"))
                        .then(r -> assertPermanentFailure(r, Category.AUTHENTICATION, "1000033")),
                ContractCase.of(Operation.CREATE_ORDER, "bad API credentials: the token endpoint's 401 is a permanent "
                                + "AUTHENTICATION failure and the order is never sent")
                        .when(a -> pb(Map.of("api-key", "bad-credential")).createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest("bad-credential", API_SECRET))
                        .then(r -> {
                            CarrierError e = assertPermanentFailure(r, Category.AUTHENTICATION, "1000033");
                            assertThat(e.httpStatus()).isEqualTo(401);
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "token endpoint 503: transient, and the order certainly not "
                                + "created (it was never sent)")
                        .given(wm -> wm.stubFor(WireMock.post(urlPathEqualTo("/oauth/token")).atPriority(1)
                                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))))
                        .when(a -> pb().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest())
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)),
                ContractCase.of(Operation.CREATE_ORDER, "connection refused: transient UNAVAILABLE, certainly not "
                                + "created")
                        .when(a -> pb(Map.of("base-url", "http://localhost:" + closedPort()))
                                .createOrder(SampleOrders.seedOrder()))
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)));
    }

    // ------------------------------------------------------------------------------------------------ findOrder

    private List<ContractCase> findOrderCases() {
        return List.of(
                ContractCase.of(Operation.FIND_ORDER, "PB holds no order with the clientOrderId: success, empty")
                        .when(a -> pb().findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(tokenRequest())
                        .expectRequest(findRequest(SampleOrders.SEED_ORDER_KEY))
                        .then(r -> assertThat(this.<Optional<CarrierOrder>>value(r)).isEmpty()),
                ContractCase.of(Operation.FIND_ORDER, "PB holds the order: it is returned with its mapped status")
                        .when(a -> pb().findOrder("CG-SEED1001-EXISTS"))
                        .expectRequest(tokenRequest())
                        .expectRequest(findRequest("CG-SEED1001-EXISTS"))
                        .then(r -> {
                            CarrierOrder o = this.<Optional<CarrierOrder>>value(r).orElseThrow();
                            assertThat(o.carrierOrderId()).isEqualTo("ORDCGSEED1001EXISTSCO");
                            assertThat(o.trackingId()).isEqualTo("ORDCGSEED1001EXISTSCO");
                            assertThat(o.status()).isEqualTo(new StatusUpdate(DeliveryStatus.ACKNOWLEDGED, null,
                                    Instant.parse("2026-01-15T10:05:00Z"), "RELEASED", null));
                        }),
                ContractCase.of(Operation.FIND_ORDER, "orders that do not carry our key (search field ignored) are "
                                + "a PROTOCOL failure, never a false 'not found'")
                        .when(a -> pb().findOrder("CG-SEED1001-FILTER-IGNORED"))
                        .expectRequest(tokenRequest())
                        .expectRequest(findRequest("CG-SEED1001-FILTER-IGNORED"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.PROTOCOL, null).detail())
                                .contains("find-search-field")),
                ContractCase.of(Operation.FIND_ORDER, "the search field name is configuration")
                        .when(a -> pb(Map.of("find-search-field", "clientOrderId"))
                                .findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(tokenRequest())
                        .expectRequest(pbCall(post(FULFILLMENT + "/orders/search")).query("page", "1")
                                .query("size", "10").header("Content-Type", "application/json")
                                .jsonBody(findBody("clientOrderId", SampleOrders.SEED_ORDER_KEY)))
                        .then(r -> assertThat(this.<Optional<CarrierOrder>>value(r)).isEmpty()),
                ContractCase.of(Operation.FIND_ORDER, "a lookup that times out is transient; a read leaves no "
                                + "outcome unknown")
                        .given(wm -> wm.stubFor(WireMock.post(urlPathEqualTo(FULFILLMENT + "/orders/search"))
                                .atPriority(1).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                                        .withBody("{\"content\":[]}"))))
                        .when(a -> pb().findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(tokenRequest())
                        .expectRequest(findRequest(SampleOrders.SEED_ORDER_KEY))
                        .then(r -> assertTransientFailure(r, Category.TIMEOUT, false)));
    }

    // ------------------------------------------------------------------------------------------------ cancelOrder

    private List<ContractCase> cancelOrderCases() {
        return List.of(
                ContractCase.of(Operation.CANCEL_ORDER, "PUT with an empty body and clientId: PB's CANCELLED order is "
                                + "a success")
                        .when(a -> pb().cancelOrder(ref("ORD-1234")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-1234"))
                        .then(r -> {
                            CancelOutcome c = assertSuccess(r);
                            assertThat(c.status().status()).isEqualTo(DeliveryStatus.CANCELLED);
                            assertThat(c.status().carrierCode()).isEqualTo("CANCELLED");
                            assertThat(((CarrierResult.Success<?>) r).warnings()).isEmpty();
                        }),
                ContractCase.of(Operation.CANCEL_ORDER, "already shipped: refused (CONFLICT) keeping PB's code and "
                                + "text")
                        .when(a -> pb().cancelOrder(ref("ORD-SHIPPED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-SHIPPED"))
                        .then(r -> assertThat(assertRefused(r, Category.CONFLICT, "8000105").carrierMessage())
                                .isEqualTo("Order cannot be cancelled: it has already shipped")),
                ContractCase.of(Operation.CANCEL_ORDER, "in process at the facility (legacy format 2): refused "
                                + "(CONFLICT)")
                        .when(a -> pb().cancelOrder(ref("ORD-IN-PROCESS")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-IN-PROCESS"))
                        .then(r -> assertThat(assertRefused(r, Category.CONFLICT, "8000106").carrierMessage())
                                .isEqualTo("Order is being processed at the facility and cannot be cancelled")),
                ContractCase.of(Operation.CANCEL_ORDER, "already cancelled: a success, so cancel is idempotent")
                        .when(a -> pb().cancelOrder(ref("ORD-ALREADY-CANCELLED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-ALREADY-CANCELLED"))
                        .then(r -> {
                            CancelOutcome c = assertSuccess(r);
                            assertThat(c.status()).isEqualTo(new StatusUpdate(DeliveryStatus.CANCELLED,
                                    "already cancelled at PB", NOW, "8000107", null));
                            assertThat(c.note()).isEqualTo("PB had already cancelled this order");
                        }),
                ContractCase.of(Operation.CANCEL_ORDER, "unknown order: permanent NOT_FOUND keeping PB's code")
                        .when(a -> pb().cancelOrder(ref("ORD-NOT-FOUND")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-NOT-FOUND"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.NOT_FOUND, "8000101").httpStatus())
                                .isEqualTo(404)),
                ContractCase.of(Operation.CANCEL_ORDER, "401 twice: one new token and one retry, then a permanent "
                                + "AUTHENTICATION failure")
                        .when(a -> pb().cancelOrder(ref("ORD-TOKEN-ALWAYS-REJECTED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-TOKEN-ALWAYS-REJECTED"))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-TOKEN-ALWAYS-REJECTED"))
                        .then(r -> {
                            assertPermanentFailure(r, Category.AUTHENTICATION, "1000032");
                            assertThat(transactionIdsReceived()).doesNotHaveDuplicates();
                        }),
                ContractCase.of(Operation.CANCEL_ORDER, "403: permanent AUTHENTICATION, no retry")
                        .when(a -> pb().cancelOrder(ref("ORD-FORBIDDEN")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-FORBIDDEN"))
                        .then(r -> assertPermanentFailure(r, Category.AUTHENTICATION, "1000033")),
                ContractCase.of(Operation.CANCEL_ORDER, "500: transient, and PB may have cancelled")
                        .when(a -> pb().cancelOrder(ref("ORD-SERVER-ERROR")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-SERVER-ERROR"))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true).carrierCode())
                                .isEqualTo("1000005")),
                ContractCase.of(Operation.CANCEL_ORDER, "503: transient UNAVAILABLE, nothing happened")
                        .when(a -> pb().cancelOrder(ref("ORD-UNAVAILABLE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("ORD-UNAVAILABLE"))
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)),
                ContractCase.of(Operation.CANCEL_ORDER, "an order never booked with PB (no orderId): NOT_FOUND "
                                + "without calling PB")
                        .when(a -> pb().cancelOrder(new CarrierOrderRef(null, SampleOrders.SEED_ORDER_KEY, null)))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, null)));
    }

    // ------------------------------------------------------------------------------------------------ getStatus

    private List<ContractCase> getStatusCases() {
        return List.of(
                ContractCase.of(Operation.GET_STATUS, "GET status with clientId: PB's CREATED is CREATED")
                        .when(a -> pb().getStatus(ref("ORD-1234")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-1234"))
                        .then(r -> {
                            StatusUpdate s = assertSuccess(r);
                            assertThat(s.status()).isEqualTo(DeliveryStatus.CREATED);
                            assertThat(s.carrierCode()).isEqualTo("CREATED");
                            assertThat(s.occurredAt()).isNotNull();
                        }),
                ContractCase.of(Operation.GET_STATUS, "SHIPPED is PICKED_UP, at PB's update time")
                        .when(a -> pb().getStatus(ref("ORD-STATUS-SHIPPED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-STATUS-SHIPPED"))
                        .then(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.PICKED_UP, null, Instant.parse("2026-01-15T09:30:00Z"), "SHIPPED",
                                null))),
                ContractCase.of(Operation.GET_STATUS, "DELIVERED is DELIVERED")
                        .when(a -> pb().getStatus(ref("ORD-STATUS-DELIVERED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-STATUS-DELIVERED"))
                        .then(r -> assertThat(this.<StatusUpdate>value(r).status()).isEqualTo(DeliveryStatus.DELIVERED)),
                ContractCase.of(Operation.GET_STATUS, "an unknown PB status is no change (CREATED) with PB's word kept "
                                + "and a warning")
                        .when(a -> pb().getStatus(ref("ORD-STATUS-MYSTERY")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-STATUS-MYSTERY"))
                        .then(r -> {
                            StatusUpdate s = assertSuccess(r);
                            assertThat(s.status()).isEqualTo(DeliveryStatus.CREATED);
                            assertThat(s.carrierCode()).isEqualTo("MYSTERY");
                            assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString()
                                    .contains("MYSTERY");
                        }),
                ContractCase.of(Operation.GET_STATUS, "status-map overrides the built-in map")
                        .when(a -> pb(Map.of("status-map.SHIPPED", "IN_TRANSIT")).getStatus(ref("ORD-STATUS-SHIPPED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-STATUS-SHIPPED"))
                        .then(r -> assertThat(this.<StatusUpdate>value(r).status()).isEqualTo(DeliveryStatus.IN_TRANSIT)),
                ContractCase.of(Operation.GET_STATUS, "an order on hold keeps its status, with PB's hold reasons")
                        .when(a -> pb().getStatus(ref("ORD-ON-HOLD")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-ON-HOLD"))
                        .then(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.ACKNOWLEDGED, "on hold at PB: ADDRESS_REVIEW",
                                Instant.parse("2026-01-15T09:45:00Z"), "RELEASED", null))),
                ContractCase.of(Operation.GET_STATUS, "a 401 drops the token: one new token, one retry with it, "
                                + "success")
                        .when(a -> pb().getStatus(ref("ORD-TOKEN-REJECTED-ONCE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-TOKEN-REJECTED-ONCE"))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-TOKEN-REJECTED-ONCE"))
                        .then(r -> {
                            assertThat(this.<StatusUpdate>value(r).status()).isEqualTo(DeliveryStatus.PICKED_UP);
                            List<String> bearers = received().stream()
                                    .filter(q -> q.getUrl().contains("/status"))
                                    .map(q -> q.getHeader("Authorization")).toList();
                            assertThat(bearers).hasSize(2).doesNotHaveDuplicates();
                            assertThat(transactionIdsReceived()).hasSize(2).doesNotHaveDuplicates();
                        }),
                ContractCase.of(Operation.GET_STATUS, "a token is reused until it nears expiry: two calls, one token")
                        .when(a -> {
                            CarrierAdapter pb = pb();
                            pb.getStatus(ref("ORD-1234"));
                            return pb.getStatus(ref("ORD-5678"));
                        })
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-1234"))
                        .expectRequest(statusRequest("ORD-5678"))
                        .then(r -> {
                            assertSuccess(r);
                            assertThat(transactionIdsReceived()).hasSize(2).doesNotHaveDuplicates();
                        }),
                ContractCase.of(Operation.GET_STATUS, "unknown order: permanent NOT_FOUND")
                        .when(a -> pb().getStatus(ref("ORD-NOT-FOUND")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-NOT-FOUND"))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, "8000101")),
                ContractCase.of(Operation.GET_STATUS, "500 on a read: transient, no outcome unknown")
                        .when(a -> pb().getStatus(ref("ORD-SERVER-ERROR")))
                        .expectRequest(tokenRequest())
                        .expectRequest(statusRequest("ORD-SERVER-ERROR"))
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)));
    }

    // ------------------------------------------------------------------------------------------------ validateAddress

    private List<ContractCase> validateAddressCases() {
        Address given = SampleOrders.seedRecipientAddress();
        return List.of(
                ContractCase.of(Operation.VALIDATE_ADDRESS, "valid as sent: deliverable, the address itself as the "
                                + "suggestion (street line sent last)")
                        .when(a -> pb().validateAddress(given))
                        .expectRequest(tokenRequest())
                        .expectRequest(verifyRequest("""
                                {"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"60108","countryCode":"US"}"""))
                        .then(r -> assertThat(this.<AddressCheck>value(r)).isEqualTo(new AddressCheck(true,
                                List.of(new Address("500 Second Ave", "Suite 100", "Bloomingdale", "IL", "60108",
                                        "US"))))),
                ContractCase.of(Operation.VALIDATE_ADDRESS, "corrected by PB: not deliverable as given, the cleansed "
                                + "address suggested")
                        .when(a -> pb().validateAddress(SampleOrders.seedAddressToValidate()))
                        .expectRequest(tokenRequest())
                        .expectRequest(verifyRequest("""
                                {"addressLines":["908 ATLANTIC AVE APT A APT A"],"cityTown":"HOFFMAN ESTATES",
                                 "stateProvince":"IL","postalCode":"60169","countryCode":"US"}"""))
                        .then(r -> assertThat(this.<AddressCheck>value(r)).isEqualTo(new AddressCheck(false,
                                List.of(new Address("908 ATLANTIC AVE APT A", "", "HOFFMAN ESTATES", "IL",
                                        "60169-2931", "US"))))),
                ContractCase.of(Operation.VALIDATE_ADDRESS, "not verified (unified error): PB's suggestions")
                        .when(a -> pb().validateAddress(zip(given, "00000")))
                        .expectRequest(tokenRequest())
                        .expectRequest(verifyRequest("""
                                {"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"00000","countryCode":"US"}"""))
                        .expectRequest(suggestRequest("""
                                {"address":{"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"00000","countryCode":"US"}}"""))
                        .then(r -> assertThat(this.<AddressCheck>value(r)).isEqualTo(new AddressCheck(false, List.of(
                                new Address("100-198 MAIN ST", "", "LOMBARD", "IL", "60148", "US"),
                                new Address("200-298 MAIN ST", "APT 1-10", "LOMBARD", "IL", "60148", "US"))))),
                ContractCase.of(Operation.VALIDATE_ADDRESS, "not verified (legacy key address.not.verified) and "
                                + "nothing to suggest: not deliverable, no suggestions")
                        .when(a -> pb().validateAddress(zip(given, "00001")))
                        .expectRequest(tokenRequest())
                        .expectRequest(verifyRequest("""
                                {"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"00001","countryCode":"US"}"""))
                        .expectRequest(suggestRequest("""
                                {"address":{"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"00001","countryCode":"US"}}"""))
                        .then(r -> assertThat(this.<AddressCheck>value(r)).isEqualTo(new AddressCheck(false,
                                List.of()))),
                ContractCase.of(Operation.VALIDATE_ADDRESS, "invalid input: permanent VALIDATION keeping PB's code")
                        .when(a -> pb().validateAddress(zip(given, "99999")))
                        .expectRequest(tokenRequest())
                        .expectRequest(verifyRequest("""
                                {"addressLines":["Suite 100","500 Second Ave"],"cityTown":"Bloomingdale",
                                 "stateProvince":"IL","postalCode":"99999","countryCode":"US"}"""))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.VALIDATION, "1000045")
                                .carrierMessage()).isEqualTo("Invalid or missing value for postalCode")));
    }

    // ------------------------------------------------------------------------------------------------ parseWebhook

    static final String TRACKING_EVENTS = """
            [
              {"trackingNumber": "9400100000000000000001", "carrier": "USPS", "eventDate": "2026-01-16",
               "eventTime": "14:32:00", "eventTimeOffset": "-06:00", "eventCode": "01",
               "eventDescription": "Delivered, Front Door/Porch", "StandardizedEventCode": "DLD",
               "StandardizedEventDescription": "Delivered", "packageStatus": "Delivered", "signedBy": "J DOE"},
              {"trackingNumber": "9400100000000000000001", "eventDate": "2026-01-16", "eventTime": "07:00:00",
               "eventTimeOffset": "-06:00", "eventCode": "NT", "eventDescription": "Notice left",
               "StandardizedEventCode": "INF", "StandardizedEventDescription": "Information"},
              {"trackingNumber": "9400100000000000000001", "eventDate": "2026-01-16", "eventTime": "08:15:00",
               "eventTimeOffset": "-06:00", "eventCode": "OF", "eventDescription": "Out for Delivery",
               "StandardizedEventCode": "OFD", "StandardizedEventDescription": "Out for delivery"}
            ]""";

    private List<ContractCase> webhookCases() {
        return List.of(
                ContractCase.of(Operation.PARSE_WEBHOOK, "an array of PB tracking events: mapped codes become events "
                                + "by tracking number, oldest first; INF is skipped; signedBy is the proof")
                        .when(a -> pb().parseWebhook(webhook(TRACKING_EVENTS)))
                        .then(r -> {
                            List<CarrierStatusEvent> events = assertSuccess(r);
                            assertThat(events).containsExactly(
                                    new CarrierStatusEvent(null, "9400100000000000000001", null,
                                            "9400100000000000000001|OFD|2026-01-16|08:15:00",
                                            new StatusUpdate(DeliveryStatus.OUT_FOR_DELIVERY, "Out for delivery",
                                                    Instant.parse("2026-01-16T14:15:00Z"), "OFD", null)),
                                    new CarrierStatusEvent(null, "9400100000000000000001", null,
                                            "9400100000000000000001|DLD|2026-01-16|14:32:00",
                                            new StatusUpdate(DeliveryStatus.DELIVERED, "Delivered",
                                                    Instant.parse("2026-01-16T20:32:00Z"), "DLD",
                                                    new com.carriergateway.adapter.model.ProofOfDelivery(null, null,
                                                            new Signer(null, "J", "DOE", null, null, null),
                                                            List.of()))));
                            assertThat(((CarrierResult.Success<?>) r).warnings()).isEmpty();
                        }),
                ContractCase.of(Operation.PARSE_WEBHOOK, "lower-case names and missing fields are tolerated: no time "
                                + "is the receiving time, no tracking number or unknown code is skipped with a warning")
                        .when(a -> pb().parseWebhook(webhook("""
                                [{"trackingNumber": "T1", "standardizedEventCode": "dat",
                                  "eventDescription": "Notice left (no authorized recipient)"},
                                 {"StandardizedEventCode": "DLD"},
                                 {"trackingNumber": "T1", "StandardizedEventCode": "ZZZ"}]""")))
                        .then(r -> {
                            List<CarrierStatusEvent> events = assertSuccess(r);
                            assertThat(events).containsExactly(new CarrierStatusEvent(null, "T1", null, null,
                                    new StatusUpdate(DeliveryStatus.DELIVERY_ATTEMPTED,
                                            "Notice left (no authorized recipient)", NOW, "DAT", null)));
                            assertThat(((CarrierResult.Success<?>) r).warnings()).hasSize(2)
                                    .anySatisfy(w -> assertThat(w).contains("no tracking number"))
                                    .anySatisfy(w -> assertThat(w).contains("ZZZ"));
                        }),
                ContractCase.of(Operation.PARSE_WEBHOOK, "status-map configures event codes too (DYU has no default)")
                        .when(a -> pb(Map.of("status-map.DYU", "UNABLE_TO_DELIVER")).parseWebhook(webhook("""
                                [{"trackingNumber": "T2", "StandardizedEventCode": "DYU",
                                  "eventDate": "2026-01-16T18:00:00Z"}]""")))
                        .then(r -> assertThat(this.<List<CarrierStatusEvent>>value(r)).singleElement()
                                .satisfies(e -> {
                                    assertThat(e.update().status()).isEqualTo(DeliveryStatus.UNABLE_TO_DELIVER);
                                    assertThat(e.update().occurredAt()).isEqualTo(Instant.parse("2026-01-16T18:00:00Z"));
                                })),
                ContractCase.of(Operation.PARSE_WEBHOOK, "an empty array is a success with no events")
                        .when(a -> pb().parseWebhook(webhook("[]")))
                        .then(r -> assertThat(this.<List<CarrierStatusEvent>>value(r)).isEmpty()),
                ContractCase.of(Operation.PARSE_WEBHOOK, "a body that is not JSON is a permanent PROTOCOL failure")
                        .when(a -> pb().parseWebhook(webhook("trackingNumber=1&code=DLD")))
                        .then(r -> assertPermanentFailure(r, Category.PROTOCOL, null)));
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** What PB's token endpoint receives for the sandbox credentials. */
    static ExpectedRequest tokenRequest() {
        return tokenRequest(API_KEY, API_SECRET);
    }

    static ExpectedRequest tokenRequest(String key, String secret) {
        return post("/oauth/token")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (key + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .formBody(Map.of("grant_type", "client_credentials"));
    }

    /** Bearer token and a fresh transaction id: what every PB API call carries. */
    static ExpectedRequest pbCall(ExpectedRequest r) {
        return r.headerMatching("Authorization", BEARER).headerMatching("X-PB-TransactionId", TRANSACTION_ID);
    }

    static ExpectedRequest createRequest(String orderKey, String recipientZip) {
        return pbCall(post(FULFILLMENT + "/orders")).header("Content-Type", "application/json")
                .jsonBody(seedOrderBody(orderKey, recipientZip));
    }

    static ExpectedRequest findRequest(String orderKey) {
        return pbCall(post(FULFILLMENT + "/orders/search")).query("page", "1").query("size", "10")
                .header("Content-Type", "application/json").jsonBody(findBody("clientOrderIds", orderKey));
    }

    static String findBody(String field, String orderKey) {
        return """
                {"clientId": "1234", "sort": ["pbCreateDate-desc"],
                 "searchFields": [{"name": "%s", "values": ["%s"]}]}""".formatted(field, orderKey);
    }

    static ExpectedRequest cancelRequest(String orderId) {
        return pbCall(put(FULFILLMENT + "/orders/" + orderId + "/cancel")).query("clientId", CLIENT_ID)
                .withoutHeader("Content-Type").emptyBody();
    }

    static ExpectedRequest statusRequest(String orderId) {
        return pbCall(get(FULFILLMENT + "/orders/" + orderId + "/status")).query("clientId", CLIENT_ID).emptyBody();
    }

    static ExpectedRequest verifyRequest(String body) {
        return pbCall(post(ADDRESSES + "/verify")).query("minimalAddressValidation", "false")
                .header("Content-Type", "application/json").header("X-PB-UnifiedErrorStructure", "true")
                .jsonBody(body);
    }

    static ExpectedRequest suggestRequest(String body) {
        return pbCall(post(ADDRESSES + "/verify-suggest")).query("returnSuggestions", "true")
                .header("Content-Type", "application/json").header("X-PB-UnifiedErrorStructure", "true")
                .jsonBody(body);
    }

    /**
     * The seed order exactly as PB must receive it: recipient delivery details, neutral lines (no Rx number),
     * handling flags and the pharmacy's own order references; no patient data beyond the name on the parcel.
     */
    static String seedOrderBody(String orderKey, String recipientZip) {
        return """
                {
                  "clientId": "1234",
                  "clientOrderId": "%s",
                  "createDate": "2026-01-15T10:00:00Z",
                  "orderType": "eCom",
                  "inputShippingDetails": {"carrier": "PITNEY BOWES", "serviceId": "NGSPS"},
                  "shipOnDate": "2020-05-31T00:00:00Z",
                  "promisedDeliveryDate": "2020-06-02T00:00:00Z",
                  "toAddress": {
                    "name": "Jane Doe", "company": "Doe Industries", "phone": "45678946785",
                    "email": "jane.doe@doeind.com", "addressLines": ["Suite 100", "500 Second Ave"],
                    "cityTown": "Bloomingdale", "stateProvince": "IL", "postalCode": "%s", "countryCode": "US"
                  },
                  "orderLines": [
                    {"lineId": 1, "sku": "RX-ITEM", "orderedQuantity": 1, "unitPrice": 10, "lineTotal": 10},
                    {"lineId": 2, "sku": "616784366630", "orderedQuantity": 1, "unitPrice": 25.26, "lineTotal": 25.26}
                  ],
                  "orderCharges": {"orderCurrency": "USD", "totalItemAmount": 97.39, "totalTaxAmount": 54.23,
                                   "totalOrderAmount": 97.83},
                  "references": [
                    {"name": "signatureRequired", "values": "true"},
                    {"name": "photoIdRequired", "values": "false"},
                    {"name": "refrigerated", "values": "false"},
                    {"name": "amountToCollect", "values": "97.83"},
                    {"name": "declaredValue", "values": "50"},
                    {"name": "bestrx_order_id", "values": "123456789"},
                    {"name": "bestrx_unique_order_id", "values": "1001"}
                  ],
                  "internalNotes": "Please leave on back porch if no one is home."
                }""".formatted(orderKey, recipientZip);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<String> transactionIdsReceived() {
        return received().stream().map(q -> q.getHeader("X-PB-TransactionId"))
                .filter(java.util.Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> T value(CarrierResult<?> r) {
        return (T) assertSuccess(r);
    }

    private static CarrierOrderRef ref(String orderId) {
        return new CarrierOrderRef(orderId, SampleOrders.SEED_ORDER_KEY, orderId);
    }

    private static WebhookRequest webhook(String body) {
        return WebhookRequest.post(Map.of("Content-Type", List.of("application/json")), body);
    }

    private static Address zip(Address a, String zip) {
        return new Address(a.line1(), a.line2(), a.city(), a.state(), zip, a.countryCode());
    }

    static DeliveryOrder withRecipientZip(DeliveryOrder o, String zip) {
        Party p = o.recipient();
        Party recipient = new Party(p.organization(), p.firstName(), p.middleName(), p.lastName(),
                zip(p.address(), zip), p.homePhone(), p.workPhone(), p.mobilePhone(), p.fax(), p.email());
        return new DeliveryOrder(o.orderKey(), o.references(), o.pharmacy(), recipient, o.customers(),
                o.prescriptions(), o.otcItems(), o.consents(), o.amounts(), o.parcel(), o.handling(), o.pickupDate(),
                o.requestedDeliveryDate(), o.serviceLevel(), o.deliveryNotes(), o.createdAt());
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
