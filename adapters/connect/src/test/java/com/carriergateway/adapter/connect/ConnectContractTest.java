package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
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
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.contract.CarrierAdapterContractTest;
import com.carriergateway.adapter.contract.ContractCase;
import com.carriergateway.adapter.contract.ExpectedRequest;
import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Connect's documented behaviour, over real HTTP against the sandbox stubs in {@code wiremock-stubs/connect}.
 *
 * <p>Each case builds a fresh adapter: its token cache starts empty, so the exact requests a case expects
 * (token first) do not depend on which cases ran before. Polling runs on a virtual pacer that records its
 * waits, so the real default schedule (2 s doubling, 30 s deadline) is checked without sleeping.
 */
class ConnectContractTest extends CarrierAdapterContractTest {

    static final String TOKEN_PATH = "/auth/realms/superloop/protocol/openid-connect/token";
    static final String CLIENT = "sandbox-client";
    static final String SECRET = "sandbox-secret";
    static final String ACCESS_TOKEN = "sandbox-access-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json;charset=UTF-8";
    static final String ORDERS = "/api/connect/orders/";

    private String sandbox;
    private final VirtualPacer pacer = new VirtualPacer();

    @Override
    protected String stubsOnClasspath() {
        return "wiremock-stubs/connect";
    }

    @Override
    protected CarrierAdapter createAdapter(String sandboxBaseUrl, Clock clock, Duration requestTimeout) {
        this.sandbox = sandboxBaseUrl;
        return ConnectAdapter.create("connect", settings(CLIENT, Map.of()), clock);
    }

    @Override
    protected CarrierOrderRef knownOrder() {
        return ref(910001);
    }

    @Override
    protected WebhookRequest sampleWebhook() {
        return webhook("order.rejected.event", "order", "{\"id\":910010,\"rejectedReason\":\"x\"}");
    }

    private ConnectProperties settings(String clientId, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>();
        s.put("base-url", sandbox);
        s.put("token-url", sandbox + TOKEN_PATH);
        s.put("auth-method", "client_secret");
        s.put("client-id", clientId);
        s.put("client-secret", SECRET);
        s.put("request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
        s.put("order-defaults.trafficClass", "tc4");
        s.put("order-defaults.term", "1");
        s.put("service-level.normal", "Home Fast 100/20");
        s.putAll(extra);
        return CarrierSettingsBinding.bind(new ConnectAdapterProvider(), "connect", s);
    }

    private ConnectAdapter connect() {
        return connect(CLIENT, Map.of());
    }

    private ConnectAdapter connect(String clientId, Map<String, String> extra) {
        pacer.reset();
        return ConnectAdapter.create("connect", settings(clientId, extra), clock(), pacer);
    }

    @Override
    protected List<ContractCase> contractCases() {
        List<ContractCase> cases = new ArrayList<>();
        cases.addAll(createCases());
        cases.addAll(authCases());
        cases.addAll(findCases());
        cases.addAll(statusCases());
        cases.addAll(cancelCases());
        cases.addAll(webhookCases());
        return cases;
    }

    private List<ContractCase> createCases() {
        String seedBody = """
                {"sourceType":"nbn","aggregationMethod":"L2TP","trafficClass":"tc4","term":1,
                 "planName":"Home Fast 100/20","customerReference":"CG-SEED1001","contactName":"Jane Doe",
                 "contactPhone":"45678946785","contactEmail":"jane.doe@doeind.com"}""";
        return List.of(
                ContractCase.of(Operation.CREATE_ORDER, "201 with the order: its numeric id is the carrier id and tracking id")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder()))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody))
                        .then(r -> {
                            // ExpectedRequest.formBody() throws in the kit (FormPattern lacks the @JsonProperty constructor
                            // WireMock requires), so the exact form is checked here.
                            assertThat(form(received().get(0).getBodyAsString()))
                                    .isEqualTo(Map.of("grant_type", "client_credentials"));
                            CarrierOrder o = assertSuccess(r);
                            assertThat(o.carrierOrderId()).matches("9[0-9]{8}");
                            assertThat(o).isEqualTo(new CarrierOrder(o.carrierOrderId(), o.carrierOrderId(), null,
                                    null, null, StatusUpdate.of(DeliveryStatus.CREATED, NOW, "created")));
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "201 without a body: follows Location, 202, 202, then 200")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder("CG-CONNECT-ASYNC")))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody.replace("CG-SEED1001", "CG-CONNECT-ASYNC")))
                        .expectRequest(apiGet(ORDERS + 910202))
                        .expectRequest(apiGet(ORDERS + 910202))
                        .expectRequest(apiGet(ORDERS + 910202))
                        .then(r -> {
                            assertThat((CarrierOrder) assertSuccess(r)).isEqualTo(new CarrierOrder("910202", "910202",
                                    null, null, null, StatusUpdate.of(DeliveryStatus.CREATED, NOW, "created")));
                            assertThat(pacer.sleeps).containsExactly(secs(2), secs(4), secs(8));
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "still 202 at the poll deadline: timeout, the order may still be created")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder("CG-CONNECT-PENDING")))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody.replace("CG-SEED1001", "CG-CONNECT-PENDING")))
                        .expectRequest(apiGet(ORDERS + 910203))
                        .expectRequest(apiGet(ORDERS + 910203))
                        .expectRequest(apiGet(ORDERS + 910203))
                        .expectRequest(apiGet(ORDERS + 910203))
                        .then(r -> {
                            CarrierError e = assertTransientFailure(r, Category.TIMEOUT, true);
                            assertThat(e.detail()).contains("CG-CONNECT-PENDING", "4 polls over 30s",
                                    "the order may still be created");
                            assertThat(pacer.sleeps).containsExactly(secs(2), secs(4), secs(8), secs(16));
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "201 then 422 while polling: refused with Connect's code")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder("CG-CONNECT-DECLINED")))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody.replace("CG-SEED1001", "CG-CONNECT-DECLINED")))
                        .expectRequest(apiGet(ORDERS + 910204))
                        .then(r -> {
                            CarrierError e = assertRefused(r, Category.VALIDATION, "QUALIFICATION_FAILED");
                            assertThat(e.carrierMessage()).isEqualTo(
                                    "remoteQualificationSearchId: The site no longer qualifies for the requested service");
                            assertThat(e.httpStatus()).isEqualTo(422);
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "422 at once: refused with Connect's code and text")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder("CG-CONNECT-REFUSED")))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody.replace("CG-SEED1001", "CG-CONNECT-REFUSED")))
                        .then(r -> {
                            CarrierError e = assertRefused(r, Category.VALIDATION, "QUALIFICATION_FAILED");
                            assertThat(e.httpStatus()).isEqualTo(422);
                        }),
                ContractCase.of(Operation.CREATE_ORDER, "500: transient, and the order may exist")
                        .when(a -> connect().createOrder(SampleOrders.seedOrder("CG-CONNECT-ERROR")))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody.replace("CG-SEED1001", "CG-CONNECT-ERROR")))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true).carrierCode())
                                .isEqualTo("INTERNAL_ERROR")),
                ContractCase.of(Operation.CREATE_ORDER, "private_key_jwt: exact token form, assertion verifies with the public key")
                        .when(a -> connect(CLIENT, privateKeyJwt()).createOrder(SampleOrders.seedOrder()))
                        .expectRequest(ExpectedRequest.post(TOKEN_PATH)
                                .header("Content-Type", FORM)
                                .withoutHeader("Authorization"))
                        .expectRequest(apiPost("/api/connect/orders/create", seedBody))
                        .then(r -> {
                            assertSuccess(r);
                            Map<String, String> form = form(received().get(0).getBodyAsString());
                            assertThat(form).containsOnlyKeys("grant_type", "client_id", "client_assertion_type",
                                    "client_assertion");
                            assertThat(form).containsEntry("grant_type", "client_credentials")
                                    .containsEntry("client_id", CLIENT)
                                    .containsEntry("client_assertion_type",
                                            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                            verifyAssertion(form.get("client_assertion"));
                        }));
    }

    private void verifyAssertion(String assertion) {
        try {
            SignedJwt jwt = SignedJwt.parse(assertion);
            assertThat(jwt.verifiesWith(TestKeys.rsa().getPublic())).as("signature verifies").isTrue();
            assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
            assertThat(jwt.header().get("kid").asText()).isEqualTo("sandbox-kid");
            assertThat(jwt.claims().get("iss").asText()).isEqualTo(CLIENT);
            assertThat(jwt.claims().get("sub").asText()).isEqualTo(CLIENT);
            assertThat(jwt.claims().get("aud").asText()).isEqualTo(sandbox + TOKEN_PATH);
            assertThat(jwt.claims().get("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
            assertThat(jwt.claims().get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 60);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<ContractCase> authCases() {
        return List.of(
                ContractCase.of(Operation.GET_STATUS, "401 once: one fresh token, one retry")
                        .when(a -> connect("refresh-client", Map.of()).getStatus(ref(910001)))
                        .expectRequest(token("refresh-client"))
                        .expectRequest(apiGet(ORDERS + 910001, "sandbox-stale-token"))
                        .expectRequest(token("refresh-client"))
                        .expectRequest(apiGet(ORDERS + 910001, ACCESS_TOKEN))
                        .then(r -> assertThat((StatusUpdate) assertSuccess(r))
                                .isEqualTo(StatusUpdate.of(DeliveryStatus.CREATED, NOW, null))),
                ContractCase.of(Operation.CANCEL_ORDER, "401 once: the refreshed token then serves the cancel too")
                        .when(a -> connect("refresh-client", Map.of()).cancelOrder(ref(910001)))
                        .expectRequest(token("refresh-client"))
                        .expectRequest(apiGet(ORDERS + 910001, "sandbox-stale-token"))
                        .expectRequest(token("refresh-client"))
                        .expectRequest(apiGet(ORDERS + 910001, ACCESS_TOKEN))
                        .expectRequest(cancelCall(910001))
                        .then(r -> assertThat((CancelOutcome) assertSuccess(r)).isEqualTo(cancelled(910001))),
                ContractCase.of(Operation.GET_STATUS, "401 twice: authentication failure")
                        .when(a -> connect("revoked-client", Map.of()).getStatus(ref(910001)))
                        .expectRequest(token("revoked-client"))
                        .expectRequest(apiGet(ORDERS + 910001, "sandbox-revoked-token"))
                        .expectRequest(token("revoked-client"))
                        .expectRequest(apiGet(ORDERS + 910001, "sandbox-revoked-token"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.AUTHENTICATION, "UNAUTHORIZED")
                                .httpStatus()).isEqualTo(401)),
                ContractCase.of(Operation.CREATE_ORDER, "token endpoint refuses the client: no API call")
                        .when(a -> connect("unknown-client", Map.of()).createOrder(SampleOrders.seedOrder()))
                        .expectRequest(token("unknown-client"))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.AUTHENTICATION, "unauthorized_client")
                                .httpStatus()).isEqualTo(401)));
    }

    private List<ContractCase> findCases() {
        return List.of(
                ContractCase.of(Operation.FIND_ORDER, "no order carries the reference: definitely absent")
                        .when(a -> connect().findOrder(SampleOrders.SEED_ORDER_KEY))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet("/api/connect/orders").query("customerReference", "CG-SEED1001"))
                        .then(r -> assertThat((Optional<?>) assertSuccess(r)).isEmpty()),
                ContractCase.of(Operation.FIND_ORDER, "one order carries it: found, with its derived status")
                        .when(a -> connect().findOrder("CG-CONNECT-EXISTS"))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet("/api/connect/orders").query("customerReference", "CG-CONNECT-EXISTS"))
                        .then(r -> assertThat((Optional<CarrierOrder>) assertSuccess(r)).contains(new CarrierOrder("910101",
                                "910101", null, null, null, new StatusUpdate(DeliveryStatus.ACKNOWLEDGED,
                                "nbn appointment Booked for 2026-02-20T22:00:00Z", NOW, "appointment:Booked", null)))),
                ContractCase.of(Operation.FIND_ORDER, "the search ignores its filter: another reference is no match")
                        .when(a -> connect().findOrder("CG-CONNECT-NOFILTER"))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet("/api/connect/orders").query("customerReference", "CG-CONNECT-NOFILTER"))
                        .then(r -> assertThat((Optional<?>) assertSuccess(r)).isEmpty()));
    }

    private List<ContractCase> statusCases() {
        return List.of(
                statusCase(910001, "no appointment: created", StatusUpdate.of(DeliveryStatus.CREATED, NOW, null)),
                statusCase(910002, "booked appointment: acknowledged", new StatusUpdate(DeliveryStatus.ACKNOWLEDGED,
                        "nbn appointment Booked for 2026-02-20T22:00:00Z", NOW, "appointment:Booked", null)),
                statusCase(910009, "technician on site (single appointment object): out for delivery",
                        new StatusUpdate(DeliveryStatus.OUT_FOR_DELIVERY,
                                "nbn appointment In Progress for 2026-01-15T08:00:00Z", NOW, "appointment:In Progress", null)),
                statusCase(910010, "rejected by nbn: unable to deliver, with the reason and time",
                        new StatusUpdate(DeliveryStatus.UNABLE_TO_DELIVER,
                                "Site not serviceable: the location is not ready for service",
                                Instant.parse("2026-01-14T23:15:00Z"), "rejected", null)),
                statusCase(910011, "service activated: delivered", new StatusUpdate(DeliveryStatus.DELIVERED,
                        "nbn service activated", Instant.parse("2026-01-14T03:30:00Z"), "service-activated", null)),
                statusCase(910012, "cancelled", StatusUpdate.of(DeliveryStatus.CANCELLED,
                        Instant.parse("2026-01-14T05:00:00Z"), "cancelled")),
                ContractCase.of(Operation.GET_STATUS, "404: not found or not authorised")
                        .when(a -> connect().getStatus(ref(910404)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910404))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.NOT_FOUND, "NOT_FOUND").detail())
                                .contains("not authorised")),
                ContractCase.of(Operation.GET_STATUS, "answer slower than the request timeout: transient timeout")
                        .when(a -> connect().getStatus(ref(910599)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910599))
                        .then(r -> assertTransientFailure(r, Category.TIMEOUT, false)),
                ContractCase.of(Operation.GET_STATUS, "an id that is not a number: not found, no call")
                        .when(a -> connect().getStatus(new CarrierOrderRef("ORDER-1", "CG-X", null)))
                        .then(r -> assertPermanentFailure(r, Category.NOT_FOUND, null)));
    }

    private ContractCase statusCase(long id, String name, StatusUpdate expected) {
        return ContractCase.of(Operation.GET_STATUS, name)
                .when(a -> connect().getStatus(ref(id)))
                .expectRequest(token(CLIENT))
                .expectRequest(apiGet(ORDERS + id))
                .then(r -> assertThat((StatusUpdate) assertSuccess(r)).isEqualTo(expected));
    }

    private List<ContractCase> cancelCases() {
        return List.of(
                allowed(910001, "no appointment: cancelled"),
                allowed(910002, "appointment far in the future: cancelled"),
                refusedLocally(910003, "appointment 25h59m away: refused, Connect's cancel not called",
                        "starts at 2026-01-16T11:59:00Z, less than 26h from now"),
                allowed(910004, "appointment 26h01m away: cancelled"),
                refusedLocally(910005, "appointment 25h59m away given with +10:00: refused",
                        "starts at 2026-01-16T21:59:00+10:00, less than 26h from now"),
                allowed(910006, "appointment 26h01m away given with +10:00: cancelled"),
                allowed(910008, "the appointment within 26h is cancelled, the rebooked one is far: cancelled"),
                refusedLocally(910009, "technician on site: refused",
                        "started at 2026-01-15T08:00:00Z and is not completed"),
                refusedLocally(910007, "not cancellable: refused", "is not cancellable"),
                ContractCase.of(Operation.CANCEL_ORDER, "already cancelled: reported cancelled, no cancel call")
                        .when(a -> connect().cancelOrder(ref(910012)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910012))
                        .then(r -> assertThat((CancelOutcome) assertSuccess(r)).isEqualTo(new CancelOutcome(
                                StatusUpdate.of(DeliveryStatus.CANCELLED, Instant.parse("2026-01-14T05:00:00Z"), "cancelled"),
                                "Connect order 910012 was already cancelled"))),
                ContractCase.of(Operation.CANCEL_ORDER, "Connect refuses (422): refused, keeping its code and text")
                        .when(a -> connect().cancelOrder(ref(910422)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910422))
                        .expectRequest(cancelCall(910422))
                        .then(r -> {
                            CarrierError e = assertRefused(r, Category.CONFLICT, "ORDER_NOT_CANCELLABLE");
                            assertThat(e.carrierMessage()).isEqualTo("The order can no longer be cancelled");
                            assertThat(e.httpStatus()).isEqualTo(422);
                        }),
                ContractCase.of(Operation.CANCEL_ORDER, "unknown order (read 404): not found, no cancel call")
                        .when(a -> connect().cancelOrder(ref(910404)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910404))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.NOT_FOUND, "NOT_FOUND").detail())
                                .contains("does not exist, or this client is not authorised")),
                ContractCase.of(Operation.CANCEL_ORDER, "cancel answers 404: not found or not authorised")
                        .when(a -> connect().cancelOrder(ref(910414)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910414))
                        .expectRequest(cancelCall(910414))
                        .then(r -> assertThat(assertPermanentFailure(r, Category.NOT_FOUND, "NOT_FOUND").httpStatus())
                                .isEqualTo(404)),
                ContractCase.of(Operation.CANCEL_ORDER, "cancel answers 500: transient, it may have taken effect")
                        .when(a -> connect().cancelOrder(ref(910500)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910500))
                        .expectRequest(cancelCall(910500))
                        .then(r -> assertThat(assertTransientFailure(r, Category.UNAVAILABLE, true).carrierCode())
                                .isEqualTo("INTERNAL_ERROR")),
                ContractCase.of(Operation.CANCEL_ORDER, "cancel-window=27h: an appointment 26h01m away is inside it")
                        .when(a -> connect(CLIENT, Map.of("cancel-window", "27h")).cancelOrder(ref(910004)))
                        .expectRequest(token(CLIENT))
                        .expectRequest(apiGet(ORDERS + 910004))
                        .then(r -> assertThat(assertRefused(r, Category.CONFLICT, null).detail())
                                .contains("less than 27h from now")));
    }

    private ContractCase allowed(long id, String name) {
        return ContractCase.of(Operation.CANCEL_ORDER, name)
                .when(a -> connect().cancelOrder(ref(id)))
                .expectRequest(token(CLIENT))
                .expectRequest(apiGet(ORDERS + id))
                .expectRequest(cancelCall(id))
                .then(r -> assertThat((CancelOutcome) assertSuccess(r)).isEqualTo(cancelled(id)));
    }

    private ContractCase refusedLocally(long id, String name, String reason) {
        return ContractCase.of(Operation.CANCEL_ORDER, name)
                .when(a -> connect().cancelOrder(ref(id)))
                .expectRequest(token(CLIENT))
                .expectRequest(apiGet(ORDERS + id))
                .then(r -> {
                    CarrierError e = assertRefused(r, Category.CONFLICT, null);
                    assertThat(e.detail()).contains("Connect order " + id, reason);
                    assertThat(e.httpStatus()).isZero();
                });
    }

    private List<ContractCase> webhookCases() {
        return List.of(
                ContractCase.of(Operation.PARSE_WEBHOOK, "order.rejected.event: unable to deliver with reason and time")
                        .when(a -> connect().parseWebhook(webhook("order.rejected.event", "order", """
                                {"id":100,"type":"new","customerRef":"CG-SEED1001","isCancellable":false,
                                 "rejectedReason":"Invalid location","rejectedOn":"2026-01-14T23:15:00Z"}""")))
                        .then(r -> assertThat((List<CarrierStatusEvent>) assertSuccess(r)).containsExactly(new CarrierStatusEvent(
                                "100", "100", "CG-SEED1001", "order.rejected.event:100:2026-01-14T23:15:00Z",
                                new StatusUpdate(DeliveryStatus.UNABLE_TO_DELIVER, "Invalid location",
                                        Instant.parse("2026-01-14T23:15:00Z"), "order.rejected.event", null)))),
                ContractCase.of(Operation.PARSE_WEBHOOK, "service.cancelled: cancelled, order from orderId")
                        .when(a -> connect().parseWebhook(webhook("service.cancelled", "service",
                                "{\"id\":5001,\"orderId\":910011}")))
                        .then(r -> assertThat((List<CarrierStatusEvent>) assertSuccess(r)).containsExactly(new CarrierStatusEvent(
                                "910011", "910011", null, "service.cancelled:910011:",
                                StatusUpdate.of(DeliveryStatus.CANCELLED, NOW, "service.cancelled")))),
                ContractCase.of(Operation.PARSE_WEBHOOK, "service.cancelled.event variant: cancelled")
                        .when(a -> connect().parseWebhook(webhook("service.cancelled.event", "service",
                                "{\"id\":5001,\"orderId\":910011,\"cancelledOn\":\"2026-01-15T01:00:00+10:00\"}")))
                        .then(r -> assertThat((List<?>) assertSuccess(r)).extracting("update")
                                .containsExactly(StatusUpdate.of(DeliveryStatus.CANCELLED,
                                        Instant.parse("2026-01-14T15:00:00Z"), "service.cancelled.event"))),
                ContractCase.of(Operation.PARSE_WEBHOOK, "appointment.cancelled.event: no status change")
                        .when(a -> connect().parseWebhook(webhook("appointment.cancelled.event", "appointment",
                                "{\"id\":9100081,\"orderId\":910008,\"status\":\"cancelled\"}")))
                        .then(r -> {
                            assertThat((List<?>) assertSuccess(r)).isEmpty();
                            assertThat(((CarrierResult.Success<?>) r).warnings()).containsExactly(
                                    "Connect appointment.cancelled.event changes no delivery status");
                        }),
                ContractCase.of(Operation.PARSE_WEBHOOK, "unknown event type: nothing")
                        .when(a -> connect().parseWebhook(webhook("service.modified.event", "service", "{\"id\":5001}")))
                        .then(r -> assertThat((List<?>) assertSuccess(r)).isEmpty()),
                ContractCase.of(Operation.PARSE_WEBHOOK, "unparseable body: protocol failure")
                        .when(a -> connect().parseWebhook(webhook("order.rejected.event", "order", "<xml/>")))
                        .then(r -> assertPermanentFailure(r, Category.PROTOCOL, null)));
    }

    // ---- fixtures ----

    private static CarrierOrderRef ref(long id) {
        return new CarrierOrderRef(Long.toString(id), "CG-CONNECT-" + id, Long.toString(id));
    }

    private static CancelOutcome cancelled(long id) {
        return new CancelOutcome(StatusUpdate.of(DeliveryStatus.CANCELLED, NOW, "cancelled"),
                "Connect order " + id + " cancelled");
    }

    private static ExpectedRequest token(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        return ExpectedRequest.post(TOKEN_PATH)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", FORM);
    }

    private static ExpectedRequest apiGet(String path) {
        return apiGet(path, ACCESS_TOKEN);
    }

    private static ExpectedRequest apiGet(String path, String bearer) {
        return ExpectedRequest.get(path)
                .header("Authorization", "Bearer " + bearer)
                .header("X-API-VERSION", "7")
                .withoutHeader("Content-Type")
                .emptyBody();
    }

    private static ExpectedRequest apiPost(String path, String json) {
        return ExpectedRequest.post(path)
                .header("Authorization", "Bearer " + ACCESS_TOKEN)
                .header("X-API-VERSION", "7")
                .header("Content-Type", JSON)
                .jsonBody(json);
    }

    private static ExpectedRequest cancelCall(long id) {
        return apiPost("/api/connect/orders/cancel", "{\"orderId\":" + id + "}");
    }

    private static Map<String, String> privateKeyJwt() {
        KeyPair keys = TestKeys.rsa();
        return Map.of("auth-method", "private_key_jwt", "private-key", TestKeys.privateKeyPem(keys),
                "key-id", "sandbox-kid");
    }

    private static WebhookRequest webhook(String eventType, String model, String body) {
        return WebhookRequest.post(Map.of(
                "z-event-type", List.of(eventType),
                "z-notification-type", List.of(eventType.replace(".event", ".notification")),
                "z-notification-model", List.of(model)), body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Duration secs(long s) {
        return Duration.ofSeconds(s);
    }
}
