package com.carriergateway.adapter.uberdirect;

import static com.carriergateway.adapter.contract.ExpectedRequest.get;
import static com.carriergateway.adapter.contract.ExpectedRequest.post;
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
import com.carriergateway.adapter.contract.CarrierAdapterContractTest;
import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import com.carriergateway.adapter.contract.ContractCase;
import com.carriergateway.adapter.contract.ExpectedRequest;
import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;

/**
 * The Uber Direct adapter against the Uber sandbox stubs ({@code wiremock-stubs/uber-direct}), over real HTTP, held to
 * Uber's own contract: besides the exact requests and outcomes the kit checks, every request the adapter sends and
 * every answer the sandbox gives in a case is validated against Uber's OpenAPI files ({@link UberOpenApi}). The few
 * cases whose answer is deliberately not Uber's (a proxy's page, an injected outage) say so.
 *
 * <p>Every case builds a fresh adapter, so its token cache is empty and the token request is part of exactly what Uber
 * receives; the shared {@link #adapter} only serves the kit's generic fault checks.
 */
class UberDirectContractTest extends CarrierAdapterContractTest {

    static final String CUSTOMER_ID = "cus_sandbox_pharmacy";
    static final String CLIENT_ID = "sandbox-client";
    static final String CLIENT_SECRET = "sandbox-secret";
    static final String API = "/v1/customers/" + CUSTOMER_ID + "/deliveries";
    /** What the sandbox's token endpoint mints. */
    static final String BEARER = "Bearer sandbox-[A-Za-z0-9]{32}";
    /** The sandbox's signature image, base64 (deliveries-get-by-magic, sandbox-signature-image). */
    static final String SANDBOX_SIGNATURE_PNG = "iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAAAAAB1xaNtAAAAXklEQVR42pWSURIAIQhC3/"
            + "0vbTP7s2mI5V8ohRDxWHQ4TwS+uidAz8DIkQycfMXArguzGxkQ7QLVifM83Hi8SNE87kR2RZqWXGODuqhSmz1ZIlzw/DnY+fy3cPLVIg"
            + "viLYiUtzwHeQAAAABJRU5ErkJggg==";

    /**
     * Stubs of Uber's API the contract cases do not reach, each for a reason; {@code SandboxStubsTest} calls the
     * reachable ones directly and checks their answers against Uber's contract too.
     */
    static final Set<String> NOT_SERVED_BY_THE_ADAPTER = Set.of(
            "deliveries-create-slow",             // answered after the adapter gave up; deliveries-create's answer
            "deliveries-create-unreadable",       // a proxy's page: not Uber's contract, on purpose
            "deliveries-list-past-the-end",       // the adapter stops where Uber's next_href stops
            "fallback-bad-request",               // the adapter never sends a request Uber's stubs refuse
            "fallback-unauthenticated",           // ...nor one without a bearer token
            "oauth-token-fallback-bad-request");  // ...nor a token request that is not the client-credentials form

    private final Set<String> servedAndChecked = ConcurrentHashMap.newKeySet();
    private String sandbox;

    @Override
    protected String stubsOnClasspath() {
        return "wiremock-stubs/uber-direct";
    }

    @Override
    protected CarrierAdapter createAdapter(String sandboxBaseUrl, Clock clock, Duration requestTimeout) {
        this.sandbox = sandboxBaseUrl;
        return uber(Map.of());
    }

    @Override
    protected CarrierOrderRef knownOrder() {
        return ref("del_CG-SEED1001");
    }

    @Override
    protected WebhookRequest sampleWebhook() {
        return webhook(UberWebhookEventsTest.DROPOFF_SAMPLE);
    }

    /** A new adapter (empty token cache) on the sandbox, with these settings on top of the defaults. */
    private CarrierAdapter uber(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("base-url", sandbox + "/v1");
        values.put("token-url", sandbox + "/oauth/v2/token");
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("customer-id", CUSTOMER_ID);
        values.put("request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
        values.put("time-zone", "America/Chicago");
        values.putAll(overrides);
        return CarrierSettingsBinding.create(new UberDirectAdapterProvider(), "uber-direct", values, clock());
    }

    private CarrierAdapter uber() {
        return uber(Map.of());
    }

    @Override
    protected List<ContractCase> contractCases() {
        List<ContractCase> cases = new ArrayList<>();
        cases.addAll(createOrderCases());
        cases.addAll(documentedCreateErrorCases());
        cases.addAll(findOrderCases());
        cases.addAll(cancelOrderCases());
        cases.addAll(getStatusCases());
        cases.addAll(webhookCases());
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ createOrder

    private List<ContractCase> createOrderCases() {
        return List.of(
                ContractCase.of(Operation.CREATE_ORDER, "the token request is Uber's client-credentials form with scope "
                                + "eats.deliveries, no Authorization header; the create carries the bearer token")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody(SampleOrders.SEED_ORDER_KEY)))
                        .then(onUbersContract(r -> assertSuccess(r))),
                ContractCase.of(Operation.CREATE_ORDER, "the seed order: Uber's del_ id is the carrier order and the "
                                + "tracking id, with Uber's tracking page; pending is CREATED; the adapter's remarks")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody(SampleOrders.SEED_ORDER_KEY)))
                        .then(onUbersContract(r -> {
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).isEqualTo("del_CG-SEED1001");
                            assertThat(o.trackingId()).isEqualTo("del_CG-SEED1001");
                            assertThat(o.trackingUrl()).isEqualTo("https://www.ubereats.com/orders/sandbox-CG-SEED1001");
                            assertThat(o.label()).isNull();
                            assertThat(o.manifest()).isNull();
                            assertThat(o.status().status()).isEqualTo(DeliveryStatus.CREATED);
                            assertThat(o.status().carrierCode()).isEqualTo("pending");
                            assertThat(warnings(r)).hasSize(2)
                                    .anySatisfy(w -> assertThat(w).contains("on demand"))
                                    .anySatisfy(w -> assertThat(w).contains("no payment at the door"));
                        })),
                ContractCase.of(Operation.CREATE_ORDER, "a repeated create carries the same idempotency key and is "
                                + "answered by the same delivery; the token is reused")
                        .when(a -> {
                            CarrierAdapter uber = uber();
                            CarrierOrder first = uber.createOrder(SampleOrders.seedOrder()).value();
                            CarrierResult<CarrierOrder> second = uber.createOrder(SampleOrders.seedOrder());
                            assertThat(second.value().carrierOrderId()).isEqualTo(first.carrierOrderId());
                            return second;
                        })
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody(SampleOrders.SEED_ORDER_KEY)))
                        .expectRequest(createRequest(seedBody(SampleOrders.SEED_ORDER_KEY)))
                        .then(onUbersContract(r -> assertThat(bearers()).hasSize(2).containsOnly(bearers().get(0)))),
                ContractCase.of(Operation.CREATE_ORDER, "an order for a later date carries that day's window in the "
                                + "pharmacy's time zone (09:00-17:00 Chicago), as RFC 3339")
                        .when(a -> uber().createOrder(UberOrders.withRequestedDate(SampleOrders.seedOrder(),
                                LocalDate.parse("2026-01-20"))))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(scheduledSeedBody()))
                        .then(onUbersContract(r -> assertThat(warnings(r)).noneMatch(w -> w.contains("on demand")))),
                ContractCase.of(Operation.CREATE_ORDER, "409 duplicate_delivery: the delivery Uber names is read and "
                                + "returned, with a warning")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder("CG-SEED1001-DUPLICATE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody("CG-SEED1001-DUPLICATE")))
                        .expectRequest(getRequest("del_sandbox_existing"))
                        .then(onUbersContract(r -> {
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).isEqualTo("del_sandbox_existing");
                            assertThat(o.status().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
                            assertThat(warnings(r)).anySatisfy(w -> assertThat(w)
                                    .isEqualTo("Uber already held delivery del_sandbox_existing for this order "
                                            + "(duplicate_delivery); returned it"));
                        })),
                ContractCase.of(Operation.CREATE_ORDER, "401 twice: one new token and one retry, then a permanent "
                                + "AUTHENTICATION failure")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder("CG-1-UNAUTHORIZED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody("CG-1-UNAUTHORIZED")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody("CG-1-UNAUTHORIZED")))
                        .then(onUbersContract(r -> {
                            assertThat(assertPermanentFailure(r, Category.AUTHENTICATION, "unauthorized").httpStatus())
                                    .isEqualTo(401);
                            assertThat(bearers()).hasSize(2).doesNotHaveDuplicates();
                        })),
                ContractCase.of(Operation.CREATE_ORDER, "bad client credentials: the token endpoint's refusal is a "
                                + "permanent AUTHENTICATION failure and the delivery is never sent")
                        .when(a -> uber(Map.of("client-secret", "bad-credential")).createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest(CLIENT_ID, "bad-credential"))
                        .then(onUbersContract(r -> {
                            CarrierError e = assertPermanentFailure(r, Category.AUTHENTICATION, "invalid_client");
                            assertThat(e.httpStatus()).isEqualTo(401);
                            assertThat(e.toString()).doesNotContain("bad-credential");
                        })),
                ContractCase.of(Operation.CREATE_ORDER, "no answer within the timeout: transient TIMEOUT, outcome "
                                + "unknown (the create may stand)")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder("CG-SEED1001-SLOW")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody("CG-SEED1001-SLOW")))
                        .then(r -> assertTransientFailure(r, Category.TIMEOUT, true)),
                ContractCase.of(Operation.CREATE_ORDER, "a 200 that is not Uber's JSON (a proxy's page, not Uber's "
                                + "contract on purpose): transient PROTOCOL, outcome unknown")
                        .when(a -> uber().createOrder(SampleOrders.seedOrder("CG-SEED1001-UNREADABLE")))
                        .expectRequest(tokenRequest())
                        .expectRequest(createRequest(seedBody("CG-SEED1001-UNREADABLE")))
                        .then(r -> assertTransientFailure(r, Category.PROTOCOL, true)),
                ContractCase.of(Operation.CREATE_ORDER, "token endpoint down (an injected 503): transient, and the "
                                + "delivery certainly not created")
                        .given(wm -> wm.stubFor(WireMock.post(urlPathEqualTo("/oauth/v2/token")).atPriority(1)
                                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))))
                        .when(a -> uber().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(tokenRequest())
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)),
                ContractCase.of(Operation.CREATE_ORDER, "a refrigerated order is refused before any call: Uber has no "
                                + "cold chain")
                        .when(a -> uber().createOrder(UberOrders.withHandling(SampleOrders.seedOrder(),
                                new Handling(true, false, false))))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.VALIDATION, null).detail())
                                .startsWith("refrigeration:")),
                ContractCase.of(Operation.CREATE_ORDER, "a recipient with no usable phone is refused before any call, "
                                + "naming the field, not the number")
                        .when(a -> uber().createOrder(UberOrders.withRecipientPhones(SampleOrders.seedOrder(),
                                "45678946785", null, null)))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.VALIDATION, null).detail())
                                .isEqualTo("recipient phone: cannot be written as +<digits>")),
                ContractCase.of(Operation.CREATE_ORDER, "connection refused: transient UNAVAILABLE, certainly not "
                                + "created")
                        .when(a -> {
                            String closed = "http://localhost:" + closedPort();
                            return uber(Map.of("base-url", closed + "/v1", "token-url", closed + "/oauth/v2/token"))
                                    .createOrder(SampleOrders.seedOrder());
                        })
                        .then(r -> assertTransientFailure(r, Category.UNAVAILABLE, false)));
    }

    /** One documented Uber error per case: the sandbox answers it for an external_id with that suffix. */
    private record DocumentedError(String suffix, int status, String code, Class<?> outcome, Category category,
                                   boolean unknown, Duration retryAfter) {
    }

    private List<ContractCase> documentedCreateErrorCases() {
        Class<?> permanent = CarrierResult.PermanentFailure.class;
        Class<?> transientFailure = CarrierResult.TransientFailure.class;
        List<DocumentedError> errors = List.of(
                new DocumentedError("INVALID-PARAMS", 400, "invalid_params", permanent, Category.VALIDATION, false, null),
                new DocumentedError("ADDRESS-UNDELIVERABLE", 400, "address_undeliverable", permanent,
                        Category.UNDELIVERABLE_ADDRESS, false, null),
                new DocumentedError("UNKNOWN-LOCATION", 400, "unknown_location", permanent,
                        Category.UNDELIVERABLE_ADDRESS, false, null),
                new DocumentedError("LIMITED-COURIERS", 400, "address_undeliverable_limited_couriers",
                        transientFailure, Category.UNAVAILABLE, false, null),
                new DocumentedError("PICKUP-WINDOW-TOO-SMALL", 400, "pickup_window_too_small", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("DROPOFF-DEADLINE-TOO-EARLY", 400, "dropoff_deadline_too_early", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("DROPOFF-DEADLINE-BEFORE-PICKUP-DEADLINE", 400,
                        "dropoff_deadline_before_pickup_deadline", permanent, Category.VALIDATION, false, null),
                new DocumentedError("DROPOFF-READY-AFTER-PICKUP-DEADLINE", 400, "dropoff_ready_after_pickup_deadline",
                        permanent, Category.VALIDATION, false, null),
                new DocumentedError("PICKUP-READY-TOO-EARLY", 400, "pickup_ready_too_early", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("PICKUP-DEADLINE-TOO-EARLY", 400, "pickup_deadline_too_early", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("PICKUP-READY-TOO-LATE", 400, "pickup_ready_too_late", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("REQUEST-TIMEOUT", 400, "request_timeout", transientFailure, Category.TIMEOUT,
                        true, null),
                new DocumentedError("EXPIRED-QUOTE", 400, "expired_quote", permanent, Category.VALIDATION, false, null),
                new DocumentedError("USED-QUOTE", 400, "used_quote", permanent, Category.VALIDATION, false, null),
                new DocumentedError("MISSING-PAYMENT", 400, "missing_payment", permanent, Category.AUTHENTICATION,
                        false, null),
                new DocumentedError("NOT-ALLOWED", 400, "not_allowed", permanent, Category.VALIDATION, false, null),
                new DocumentedError("MISMATCHED-PRICE-QUOTE", 400, "mismatched_price_quote", permanent,
                        Category.VALIDATION, false, null),
                new DocumentedError("CUSTOMER-SUSPENDED", 402, "customer_suspended", permanent,
                        Category.AUTHENTICATION, false, null),
                new DocumentedError("CUSTOMER-BLOCKED", 403, "customer_blocked", permanent, Category.AUTHENTICATION,
                        false, null),
                new DocumentedError("CUSTOMER-NOT-FOUND", 404, "customer_not_found", permanent,
                        Category.AUTHENTICATION, false, null),
                new DocumentedError("CUSTOMER-LIMITED", 429, "customer_limited", transientFailure,
                        Category.RATE_LIMITED, false, Duration.ofSeconds(30)),
                new DocumentedError("INTERNAL-SERVER-ERROR", 500, "internal_server_error", transientFailure,
                        Category.UNAVAILABLE, true, null),
                new DocumentedError("COURIERS-BUSY", 503, "couriers_busy", transientFailure, Category.UNAVAILABLE,
                        false, Duration.ofSeconds(120)),
                new DocumentedError("ROBO-COURIERS-BUSY", 503, "robo_couriers_busy", transientFailure,
                        Category.UNAVAILABLE, false, null),
                new DocumentedError("SERVICE-UNAVAILABLE", 503, "service_unavailable", transientFailure,
                        Category.UNAVAILABLE, false, null));
        return errors.stream().map(e -> {
            String key = "CG-1-" + e.suffix();
            return ContractCase.of(Operation.CREATE_ORDER, "documented " + e.status() + " " + e.code() + " is "
                            + e.outcome().getSimpleName() + " " + e.category()
                            + (e.unknown() ? ", outcome unknown" : "")
                            + (e.retryAfter() != null ? ", Retry-After " + e.retryAfter().toSeconds() + " s" : ""))
                    .when(a -> uber().createOrder(SampleOrders.seedOrder(key)))
                    .expectRequest(tokenRequest())
                    .expectRequest(createRequest(seedBody(key)))
                    .then(onUbersContract(r -> {
                        assertThat(r).isInstanceOf(e.outcome());
                        CarrierError error = r.failure().orElseThrow();
                        assertThat(error.category()).isEqualTo(e.category());
                        assertThat(error.carrierCode()).isEqualTo(e.code());
                        assertThat(error.httpStatus()).isEqualTo(e.status());
                        assertThat(error.retryAfter()).isEqualTo(e.retryAfter());
                        if (r instanceof CarrierResult.TransientFailure<?> t) {
                            assertThat(t.outcomeUnknown()).isEqualTo(e.unknown());
                        }
                        if (e.code().equals("invalid_params")) {
                            assertThat(error.detail()).endsWith("metadata fields: dropoff_phone_number");
                        }
                    }));
        }).toList();
    }

    // ------------------------------------------------------------------------------------------------ findOrder

    private List<ContractCase> findOrderCases() {
        return List.of(
                ContractCase.of(Operation.FIND_ORDER, "found on the first page of List Deliveries by external_id")
                        .when(a -> uber().findOrder("CG-SEED1001-ON-PAGE-ONE"))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("50"))
                        .then(onUbersContract(r -> {
                            CarrierOrder o = this.<Optional<CarrierOrder>>value(r).orElseThrow();
                            assertThat(o.carrierOrderId()).isEqualTo("del_list_on_page_one");
                            assertThat(o.trackingUrl()).isEqualTo("https://www.ubereats.com/orders/sandbox-del_list_on_page_one");
                            assertThat(o.status()).isEqualTo(new StatusUpdate(DeliveryStatus.ACKNOWLEDGED, null,
                                    Instant.parse("2026-01-15T09:30:00Z"), "pickup", null));
                        })),
                ContractCase.of(Operation.FIND_ORDER, "found on the second page, through Uber's scheme-less next_href")
                        .when(a -> uber().findOrder("CG-SEED1001-ON-PAGE-TWO"))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("50"))
                        .expectRequest(nextPageRequest())
                        .then(onUbersContract(r -> assertThat(this.<Optional<CarrierOrder>>value(r).orElseThrow()
                                .carrierOrderId()).isEqualTo("del_list_on_page_two"))),
                ContractCase.of(Operation.FIND_ORDER, "in none of Uber's pages: a definite 'not found'")
                        .when(a -> uber().findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("50"))
                        .expectRequest(nextPageRequest())
                        .then(onUbersContract(r -> {
                            assertThat(this.<Optional<CarrierOrder>>value(r)).isEmpty();
                            assertThat(warnings(r)).isEmpty();
                        })),
                ContractCase.of(Operation.FIND_ORDER, "not in the pages find-max-pages allows: 'not found', saying "
                                + "that older deliveries were not searched")
                        .when(a -> uber(Map.of("find-max-pages", "1")).findOrder("CG-SEED1001-ON-PAGE-TWO"))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("50"))
                        .then(onUbersContract(r -> {
                            assertThat(this.<Optional<CarrierOrder>>value(r)).isEmpty();
                            assertThat(warnings(r)).singleElement().asString().contains("find-max-pages");
                        })),
                ContractCase.of(Operation.FIND_ORDER, "two deliveries carry the key (a cancelled one and its "
                                + "re-booking): the newest, with a warning")
                        .when(a -> uber().findOrder("CG-SEED1001-REBOOKED"))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("50"))
                        .then(onUbersContract(r -> {
                            CarrierOrder o = this.<Optional<CarrierOrder>>value(r).orElseThrow();
                            assertThat(o.carrierOrderId()).isEqualTo("del_list_rebooked_new");
                            assertThat(o.status().status()).isEqualTo(DeliveryStatus.CREATED);
                            assertThat(warnings(r)).singleElement().asString().startsWith("2 Uber deliveries");
                        })),
                ContractCase.of(Operation.FIND_ORDER, "the page size is find-page-size")
                        .when(a -> uber(Map.of("find-page-size", "10")).findOrder("CG-SEED1001-ON-PAGE-ONE"))
                        .expectRequest(tokenRequest())
                        .expectRequest(listRequest("10"))
                        .then(onUbersContract(r -> assertThat(this.<Optional<CarrierOrder>>value(r)).isPresent())),
                ContractCase.of(Operation.FIND_ORDER, "a customer id Uber does not know: permanent, saying it is the "
                                + "account's customer-id")
                        .when(a -> uber(Map.of("customer-id", "cus_sandbox_unknown")).findOrder("CG-SEED1001"))
                        .expectRequest(tokenRequest())
                        .expectRequest(bearer(get("/v1/customers/cus_sandbox_unknown/deliveries")).query("limit", "50"))
                        .then(onUbersContract(r -> assertThat(assertPermanentFailure(r, Category.AUTHENTICATION,
                                "customer_not_found").detail()).contains("customer-id"))));
    }

    // ------------------------------------------------------------------------------------------------ cancelOrder

    private List<ContractCase> cancelOrderCases() {
        return List.of(
                ContractCase.of(Operation.CANCEL_ORDER, "POST …/cancel without a body: Uber's canceled delivery is a "
                                + "success")
                        .when(a -> uber().cancelOrder(ref("del_CG-SEED1001")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("del_CG-SEED1001"))
                        .then(onUbersContract(r -> {
                            CancelOutcome c = assertSuccess(r);
                            assertThat(c.status()).isEqualTo(new StatusUpdate(DeliveryStatus.CANCELLED, null,
                                    Instant.parse("2026-01-15T10:05:00Z"), "canceled", null));
                            assertThat(c.note()).isEqualTo("Uber cancelled delivery del_CG-SEED1001");
                            assertThat(warnings(r)).isEmpty();
                        })),
                ContractCase.of(Operation.CANCEL_ORDER, "400 noncancelable_delivery: refused (CONFLICT) with Uber's "
                                + "reason")
                        .when(a -> uber().cancelOrder(ref("del_sandbox_noncancelable")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("del_sandbox_noncancelable"))
                        .then(onUbersContract(r -> assertThat(assertRefused(r, Category.CONFLICT,
                                "noncancelable_delivery").carrierMessage()).isEqualTo("Delivery cannot be cancelled"))),
                ContractCase.of(Operation.CANCEL_ORDER, "404 delivery_not_found: permanent NOT_FOUND")
                        .when(a -> uber().cancelOrder(ref("del_sandbox_not_found")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("del_sandbox_not_found"))
                        .then(onUbersContract(r -> assertThat(assertPermanentFailure(r, Category.NOT_FOUND,
                                "delivery_not_found").httpStatus()).isEqualTo(404))),
                ContractCase.of(Operation.CANCEL_ORDER, "500 unknown_error: transient, and Uber may have cancelled")
                        .when(a -> uber().cancelOrder(ref("del_sandbox_unknown_error")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("del_sandbox_unknown_error"))
                        .then(onUbersContract(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true)
                                .carrierCode()).isEqualTo("unknown_error"))),
                ContractCase.of(Operation.CANCEL_ORDER, "408 request_timeout: transient TIMEOUT, outcome unknown")
                        .when(a -> uber().cancelOrder(ref("del_sandbox_request_timeout")))
                        .expectRequest(tokenRequest())
                        .expectRequest(cancelRequest("del_sandbox_request_timeout"))
                        .then(onUbersContract(r -> assertTransientFailure(r, Category.TIMEOUT, true))),
                ContractCase.of(Operation.CANCEL_ORDER, "an order never booked with Uber (no delivery id): NOT_FOUND "
                                + "without calling Uber")
                        .when(a -> uber().cancelOrder(new CarrierOrderRef(null, SampleOrders.SEED_ORDER_KEY, null)))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, null)));
    }

    // ------------------------------------------------------------------------------------------------ getStatus

    private List<ContractCase> getStatusCases() {
        List<ContractCase> cases = new ArrayList<>(List.of(
                ContractCase.of(Operation.GET_STATUS, "GET the delivery: pending is CREATED, at Uber's update time")
                        .when(a -> uber().getStatus(ref("del_CG-SEED1001")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_CG-SEED1001"))
                        .then(onUbersContract(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.CREATED, null, Instant.parse("2026-01-15T10:05:00Z"), "pending",
                                null)))),
                ContractCase.of(Operation.GET_STATUS, "courier imminent at the dropoff: the same status, with a "
                                + "reason")
                        .when(a -> uber().getStatus(ref("del_sandbox_dropoff_imminent")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_dropoff_imminent"))
                        .then(onUbersContract(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.OUT_FOR_DELIVERY, "courier imminent",
                                Instant.parse("2026-01-15T10:05:00Z"), "dropoff", null)))),
                ContractCase.of(Operation.GET_STATUS, "delivered: the signature URL, the signer and the ID check")
                        .when(a -> uber().getStatus(ref("del_sandbox_delivered")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_delivered"))
                        .then(onUbersContract(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.DELIVERED, "ID checked (minimum age 18)",
                                Instant.parse("2026-01-15T10:05:00Z"), "delivered", new ProofOfDelivery(null,
                                sandbox + "/sandbox/signature-images/del_sandbox_delivered.png",
                                new Signer(Signer.SignerRelation.PATIENT, "Sam", "Sandbox", null, null, null),
                                List.of()))))),
                ContractCase.of(Operation.GET_STATUS, "fetch-signature-image: the image is fetched from an allowed "
                                + "host, without the bearer token, and kept as base64")
                        .when(a -> uber(Map.of("fetch-signature-image", "true", "signature-image-hosts", "localhost"))
                                .getStatus(ref("del_sandbox_delivered")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_delivered"))
                        .expectRequest(get("/sandbox/signature-images/del_sandbox_delivered.png")
                                .withoutHeader("Authorization"))
                        .then(onUbersContract(r -> {
                            ProofOfDelivery proof = this.<StatusUpdate>value(r).proof();
                            assertThat(proof.signatureImage()).isEqualTo(SANDBOX_SIGNATURE_PNG);
                            assertThat(proof.signatureUrl()).endsWith("/del_sandbox_delivered.png");
                            assertThat(warnings(r)).isEmpty();
                        })),
                ContractCase.of(Operation.GET_STATUS, "fetch-signature-image from a host not in "
                                + "signature-image-hosts: not fetched, a warning, the URL kept")
                        .when(a -> uber(Map.of("fetch-signature-image", "true")).getStatus(ref("del_sandbox_delivered")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_delivered"))
                        .then(onUbersContract(r -> {
                            assertThat(this.<StatusUpdate>value(r).proof().signatureImage()).isNull();
                            assertThat(warnings(r)).singleElement().asString().contains("signature-image-hosts")
                                    .doesNotContain("localhost");
                        })),
                ContractCase.of(Operation.GET_STATUS, "returned: RETURNED with Uber's reason and the return leg")
                        .when(a -> uber().getStatus(ref("del_sandbox_returned")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_returned"))
                        .then(onUbersContract(r -> assertThat(this.<StatusUpdate>value(r)).isEqualTo(new StatusUpdate(
                                DeliveryStatus.RETURNED, "undeliverable: CUSTOMER_UNAVAILABLE; courier returned; "
                                + "return leg ret_sandbox_returned", Instant.parse("2026-01-15T10:05:00Z"),
                                "returned", null)))),
                ContractCase.of(Operation.GET_STATUS, "an expired token (401 once): one new token, one retry with "
                                + "it, success")
                        .when(a -> uber().getStatus(ref("del_sandbox_token_expired")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_token_expired"))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_token_expired"))
                        .then(onUbersContract(r -> {
                            assertThat(this.<StatusUpdate>value(r).status()).isEqualTo(DeliveryStatus.PICKED_UP);
                            assertThat(bearers()).hasSize(2).doesNotHaveDuplicates();
                        })),
                ContractCase.of(Operation.GET_STATUS, "a token is reused until it nears expiry: two calls, one token")
                        .when(a -> {
                            CarrierAdapter uber = uber();
                            uber.getStatus(ref("del_A"));
                            return uber.getStatus(ref("del_B"));
                        })
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_A"))
                        .expectRequest(getRequest("del_B"))
                        .then(onUbersContract(r -> assertThat(bearers()).hasSize(2).containsOnly(bearers().get(0)))),
                ContractCase.of(Operation.GET_STATUS, "401 for every token: permanent AUTHENTICATION after one refresh")
                        .when(a -> uber().getStatus(ref("del_sandbox_token_rejected")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_token_rejected"))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_token_rejected"))
                        .then(onUbersContract(r -> assertPermanentFailure(r, Category.AUTHENTICATION, "unauthorized"))),
                ContractCase.of(Operation.GET_STATUS, "404 delivery_not_found: permanent NOT_FOUND")
                        .when(a -> uber().getStatus(ref("del_sandbox_not_found")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_not_found"))
                        .then(onUbersContract(r -> assertPermanentFailure(r, Category.NOT_FOUND, "delivery_not_found"))),
                ContractCase.of(Operation.GET_STATUS, "408, 500 and 503 on a read: transient, no outcome unknown")
                        .when(a -> {
                            CarrierAdapter uber = uber();
                            assertTransientFailure(uber.getStatus(ref("del_sandbox_request_timeout")), Category.TIMEOUT,
                                    false);
                            assertTransientFailure(uber.getStatus(ref("del_sandbox_internal_error")),
                                    Category.UNAVAILABLE, false);
                            return uber.getStatus(ref("del_sandbox_unavailable"));
                        })
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_request_timeout"))
                        .expectRequest(getRequest("del_sandbox_internal_error"))
                        .expectRequest(getRequest("del_sandbox_unavailable"))
                        .then(onUbersContract(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, false)
                                .carrierCode()).isEqualTo("service_unavailable"))),
                ContractCase.of(Operation.GET_STATUS, "status-map overrides the built-in map")
                        .when(a -> uber(Map.of("status-map.pickup", "IN_TRANSIT")).getStatus(ref("del_sandbox_pickup")))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_pickup"))
                        .then(onUbersContract(r -> assertThat(this.<StatusUpdate>value(r).status())
                                .isEqualTo(DeliveryStatus.IN_TRANSIT)))));
        Map<String, DeliveryStatus> byStatus = Map.of("pickup", DeliveryStatus.ACKNOWLEDGED,
                "pickup_complete", DeliveryStatus.PICKED_UP, "dropoff", DeliveryStatus.OUT_FOR_DELIVERY,
                "canceled", DeliveryStatus.CANCELLED);
        byStatus.forEach((uberStatus, expected) -> cases.add(
                ContractCase.of(Operation.GET_STATUS, "Uber's " + uberStatus + " is " + expected)
                        .when(a -> uber().getStatus(ref("del_sandbox_" + uberStatus)))
                        .expectRequest(tokenRequest())
                        .expectRequest(getRequest("del_sandbox_" + uberStatus))
                        .then(onUbersContract(r -> {
                            StatusUpdate s = assertSuccess(r);
                            assertThat(s.status()).isEqualTo(expected);
                            assertThat(s.carrierCode()).isEqualTo(uberStatus);
                        }))));
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ parseWebhook

    private List<ContractCase> webhookCases() {
        String delivered = """
                {"id": "evt_sandbox_delivered", "kind": "event.delivery_status", "status": "delivered",
                 "created": "2026-01-15T10:30:00Z", "delivery_id": "del_CG-SEED1001", "live_mode": false,
                 "data": {"id": "del_CG-SEED1001", "status": "delivered", "external_id": "CG-SEED1001",
                          "manifest_items": [{"name": "Sealed pharmacy bag", "quantity": 1, "size": "small"}],
                          "dropoff": {"verification": {"signature": {
                              "image_url": "%s/sandbox/signature-images/del_CG-SEED1001.png",
                              "name": "Sam Sandbox", "signer_relationship": "LEGAL_REPRESENTATIVE"}}}}}""";
        return List.of(
                ContractCase.of(Operation.PARSE_WEBHOOK, "Uber's delivery-status sample is one event, keyed by "
                                + "delivery id, external_id and event id")
                        .when(a -> uber().parseWebhook(webhook(UberWebhookEventsTest.DROPOFF_SAMPLE)))
                        .then(r -> assertThat(this.<List<CarrierStatusEvent>>value(r)).singleElement()
                                .satisfies(e -> {
                                    assertThat(e.carrierOrderId()).isEqualTo("del_CvvPBsW_RVSFPdk74cD6Pg");
                                    assertThat(e.orderKey()).isEqualTo("CG-SEED1001");
                                    assertThat(e.eventId()).isEqualTo("evt_py0BffftR_SmwvAlpSnGjg");
                                    assertThat(e.update().status()).isEqualTo(DeliveryStatus.OUT_FOR_DELIVERY);
                                })),
                ContractCase.of(Operation.PARSE_WEBHOOK, "delivered, with fetch-signature-image: the proof carries "
                                + "the image, fetched from the sandbox")
                        .when(a -> uber(Map.of("fetch-signature-image", "true", "signature-image-hosts", "localhost"))
                                .parseWebhook(webhook(delivered.formatted(sandbox))))
                        .expectRequest(get("/sandbox/signature-images/del_CG-SEED1001.png").withoutHeader("Authorization"))
                        .then(onUbersContract(r -> {
                            ProofOfDelivery proof = this.<List<CarrierStatusEvent>>value(r).get(0).update().proof();
                            assertThat(proof.signatureImage()).isEqualTo(SANDBOX_SIGNATURE_PNG);
                            assertThat(proof.signer()).isEqualTo(new Signer(Signer.SignerRelation.CAREGIVER, "Sam",
                                    "Sandbox", null, null, null));
                        })),
                ContractCase.of(Operation.PARSE_WEBHOOK, "a courier update carries no status: no events, a warning")
                        .when(a -> uber().parseWebhook(webhook("""
                                {"kind": "event.courier_update", "delivery_id": "del_1",
                                 "location": {"lat": 37.7974109, "lng": -122.424145}}""")))
                        .then(r -> {
                            assertThat(this.<List<CarrierStatusEvent>>value(r)).isEmpty();
                            assertThat(warnings(r)).singleElement().asString().contains("event.courier_update");
                        }),
                ContractCase.of(Operation.PARSE_WEBHOOK, "a body that is not JSON is a permanent PROTOCOL failure")
                        .when(a -> uber().parseWebhook(webhook("status=delivered")))
                        .then(r -> assertPermanentFailure(r, Category.PROTOCOL, null)));
    }

    // ------------------------------------------------------------------------------------------------ requests

    static ExpectedRequest tokenRequest() {
        return tokenRequest(CLIENT_ID, CLIENT_SECRET);
    }

    static ExpectedRequest tokenRequest(String clientId, String secret) {
        return post("/oauth/v2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .withoutHeader("Authorization")
                .formBody(Map.of("client_id", clientId, "client_secret", secret, "grant_type", "client_credentials",
                        "scope", "eats.deliveries"));
    }

    static ExpectedRequest bearer(ExpectedRequest r) {
        return r.headerMatching("Authorization", BEARER).header("Accept", "application/json");
    }

    static ExpectedRequest createRequest(String body) {
        return bearer(post(API)).header("Content-Type", "application/json").jsonBody(body);
    }

    static ExpectedRequest getRequest(String deliveryId) {
        return bearer(get(API + "/" + deliveryId)).withoutHeader("Content-Type").emptyBody();
    }

    static ExpectedRequest cancelRequest(String deliveryId) {
        return bearer(post(API + "/" + deliveryId + "/cancel")).withoutHeader("Content-Type").emptyBody();
    }

    static ExpectedRequest listRequest(String limit) {
        return bearer(get(API)).query("limit", limit).emptyBody();
    }

    /** The second page, exactly where Uber's next_href pointed. */
    static ExpectedRequest nextPageRequest() {
        return bearer(get(API)).query("offset", "4").emptyBody();
    }

    /** The seed order as Uber must receive it, with this order key (UberDirectRequestsTest.SEED_BODY). */
    static String seedBody(String orderKey) {
        return UberDirectRequestsTest.SEED_BODY.replace("CG-SEED1001", orderKey);
    }

    /** The seed order for 2026-01-20, 09:00-17:00 in Chicago (UTC-6 in January). */
    static String scheduledSeedBody() {
        ObjectNode body = (ObjectNode) CarrierJson.read(seedBody(SampleOrders.SEED_ORDER_KEY)).orElseThrow();
        body.put("pickup_ready_dt", "2026-01-20T15:00:00Z");
        body.put("pickup_deadline_dt", "2026-01-20T22:30:00Z");
        body.put("dropoff_ready_dt", "2026-01-20T15:00:00Z");
        body.put("dropoff_deadline_dt", "2026-01-20T23:00:00Z");
        return CarrierJson.write(body);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The case's own checks, then: everything the sandbox served in it is Uber's contract. */
    private Consumer<CarrierResult<?>> onUbersContract(Consumer<CarrierResult<?>> then) {
        return r -> {
            then.accept(r);
            List<String> problems = carrier.getAllServeEvents().stream()
                    .flatMap(e -> UberOpenApi.problems(e).stream()).toList();
            assertThat(problems).as("what breaks Uber's OpenAPI").isEmpty();
            assertThat(carrier.getAllServeEvents()).as("every request matched a stub")
                    .allSatisfy(e -> assertThat(e.getWasMatched()).isTrue());
            carrier.getAllServeEvents().forEach(e -> servedAndChecked.add(e.getStubMapping().getName()));
        };
    }

    /** Every stub of Uber's API was served in a case and its answer checked against Uber's OpenAPI. */
    @AfterAll
    void everyStubOfUbersApiWasServedAndChecked() {
        carrier.resetToDefaultMappings();
        List<String> ubersApi = carrier.getStubMappings().stream().map(StubMapping::getName)
                .filter(name -> name.startsWith("deliveries-") || name.startsWith("oauth-") || name.startsWith("fallback-"))
                .filter(name -> !NOT_SERVED_BY_THE_ADAPTER.contains(name))
                .toList();
        assertThat(ubersApi).hasSizeGreaterThan(40);
        assertThat(servedAndChecked).as("stubs served in a case checked against Uber's OpenAPI")
                .containsAll(ubersApi);
    }

    private List<String> bearers() {
        return received().stream().filter(q -> q.getUrl().startsWith("/v1/"))
                .map(q -> q.getHeader("Authorization")).toList();
    }

    private static List<String> warnings(CarrierResult<?> r) {
        return ((CarrierResult.Success<?>) r).warnings();
    }

    @SuppressWarnings("unchecked")
    private <T> T value(CarrierResult<?> r) {
        return (T) assertSuccess(r);
    }

    private static CarrierOrderRef ref(String deliveryId) {
        return new CarrierOrderRef(deliveryId, SampleOrders.SEED_ORDER_KEY, deliveryId);
    }

    private static WebhookRequest webhook(String body) {
        return WebhookRequest.post(Map.of("Content-Type", List.of("application/json")), body);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
