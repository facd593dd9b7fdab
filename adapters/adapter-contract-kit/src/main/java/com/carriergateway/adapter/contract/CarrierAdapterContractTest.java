package com.carriergateway.adapter.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every carrier adapter passes. A subclass names its sandbox stubs, builds its adapter against
 * a base URL, and lists its documented behaviours as {@link ContractCase}s. The kit then runs, over real
 * HTTP against WireMock serving those stubs:
 * <ul>
 *   <li>each case: the exact requests the carrier received, and the typed outcome;</li>
 *   <li>for every operation the adapter does not offer: {@code NotSupported}, and no carrier call;</li>
 *   <li>for every operation it offers: a connection reset, a 503, an unreadable 200 and an answer slower
 *       than the adapter's timeout each give a typed failure, never an exception or a false success.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CarrierAdapterContractTest {

    /** The time every adapter under contract believes it is. */
    public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    /** The request timeout adapters are built with here; the slow-answer check waits longer than this. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);

    protected WireMockServer carrier;
    protected CarrierAdapter adapter;

    /** The classpath folder holding this carrier's {@code mappings/}, e.g. {@code wiremock-stubs/pitney-bowes}. */
    protected abstract String stubsOnClasspath();

    /**
     * Builds the adapter under test, pointed at the sandbox.
     *
     * @param sandboxBaseUrl e.g. {@code http://localhost:41234}; token and API URLs hang off it
     * @param requestTimeout the per-request timeout to configure
     */
    protected abstract CarrierAdapter createAdapter(String sandboxBaseUrl, Clock clock, Duration requestTimeout);

    /** Every documented behaviour of every offered operation, success and errors. */
    protected abstract List<ContractCase> contractCases();

    /** An order the sandbox knows, for the generic fault checks of by-reference operations. */
    protected CarrierOrderRef knownOrder() {
        return new CarrierOrderRef("ORDER-1", SampleOrders.SEED_ORDER_KEY, "TRACK-1");
    }

    /** A webhook the adapter can parse, for the generic checks; override when PARSE_WEBHOOK is offered. */
    protected WebhookRequest sampleWebhook() {
        return WebhookRequest.post(Map.of(), "{}");
    }

    protected Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @BeforeAll
    void startSandbox() {
        carrier = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .usingFilesUnderClasspath(stubsOnClasspath()));
        carrier.start();
        adapter = createAdapter("http://localhost:" + carrier.port(), clock(), REQUEST_TIMEOUT);
    }

    @AfterAll
    void stopSandbox() {
        if (carrier != null) {
            carrier.stop();
        }
    }

    private void resetSandbox() {
        carrier.resetToDefaultMappings();
        carrier.resetScenarios();
        carrier.resetRequests();
    }

    @TestFactory
    Stream<DynamicTest> documentedBehaviour() {
        List<ContractCase> cases = contractCases();
        assertThat(cases).as("contract cases").isNotEmpty();
        Set<Operation> covered = EnumSet.noneOf(Operation.class);
        cases.forEach(c -> covered.add(c.operation));
        assertThat(covered).as("every offered operation has documented cases")
                .containsAll(adapter.capabilities());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> run(c)));
    }

    private void run(ContractCase c) {
        c.validate();
        resetSandbox();
        c.given.accept(carrier);
        CarrierResult<?> result = c.when.apply(adapter);
        assertThat(result).as("outcome of " + c.displayName()).isNotNull();
        if (!c.anyRequests) {
            assertRequests(c.requests, received());
        }
        c.then.accept(result);
    }

    @TestFactory
    Stream<DynamicTest> unsupportedOperationsAnswerNotSupportedWithoutCallingTheCarrier() {
        Set<Operation> missing = EnumSet.complementOf(EnumSet.copyOf(withNone(adapter.capabilities())));
        return missing.stream().map(op -> DynamicTest.dynamicTest(op + " is not supported", () -> {
            resetSandbox();
            CarrierResult<?> result = invoke(op);
            assertThat(result).isInstanceOf(CarrierResult.NotSupported.class);
            assertThat(((CarrierResult.NotSupported<?>) result).operation()).isEqualTo(op);
            assertThat(received()).as("carrier calls").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> connectionResetIsATransientFailure() {
        return faultChecks("connection reset", wm -> wm.stubFor(any(anyUrl()).atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                r -> assertThat(r).isInstanceOf(CarrierResult.TransientFailure.class));
    }

    @TestFactory
    Stream<DynamicTest> serviceUnavailableIsATransientFailure() {
        return faultChecks("503", wm -> wm.stubFor(any(anyUrl()).atPriority(1)
                        .willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))),
                r -> assertThat(r).isInstanceOf(CarrierResult.TransientFailure.class));
    }

    @TestFactory
    Stream<DynamicTest> anUnreadableAnswerIsNeverASuccess() {
        return faultChecks("unreadable 200", wm -> wm.stubFor(any(anyUrl()).atPriority(1)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody("<html>upstream proxy error</html>"))),
                r -> assertThat(r).isNotInstanceOf(CarrierResult.Success.class)
                        .isNotInstanceOf(CarrierResult.NotSupported.class));
    }

    @TestFactory
    Stream<DynamicTest> anAnswerSlowerThanTheTimeoutIsATransientTimeout() {
        int delay = (int) REQUEST_TIMEOUT.toMillis() + 1500;
        return faultChecks("slow answer", wm -> wm.stubFor(any(anyUrl()).atPriority(1)
                        .willReturn(aResponse().withStatus(200).withFixedDelay(delay).withBody("{}"))),
                r -> {
                    assertThat(r).isInstanceOf(CarrierResult.TransientFailure.class);
                    assertThat(r.failure().orElseThrow().category()).isEqualTo(Category.TIMEOUT);
                });
    }

    private Stream<DynamicTest> faultChecks(String fault, java.util.function.Consumer<WireMockServer> given,
                                            java.util.function.Consumer<CarrierResult<?>> check) {
        return withNone(adapter.capabilities()).stream()
                .filter(op -> op != Operation.PARSE_WEBHOOK)
                .map(op -> DynamicTest.dynamicTest(op + " under " + fault, () -> {
                    resetSandbox();
                    given.accept(carrier);
                    CarrierResult<?> result;
                    try {
                        result = invoke(op);
                    } catch (RuntimeException e) {
                        throw new AssertionError(op + " threw instead of returning a typed failure", e);
                    }
                    check.accept(result);
                }));
    }

    private CarrierResult<?> invoke(Operation op) {
        Map<Operation, Function<CarrierAdapter, CarrierResult<?>>> calls = Map.of(
                Operation.CREATE_ORDER, a -> a.createOrder(SampleOrders.seedOrder()),
                Operation.FIND_ORDER, a -> a.findOrder(SampleOrders.SEED_ORDER_KEY),
                Operation.CANCEL_ORDER, a -> a.cancelOrder(knownOrder()),
                Operation.GET_STATUS, a -> a.getStatus(knownOrder()),
                Operation.VALIDATE_ADDRESS, a -> a.validateAddress(SampleOrders.seedAddressToValidate()),
                Operation.PARSE_WEBHOOK, a -> a.parseWebhook(sampleWebhook()));
        return calls.get(op).apply(adapter);
    }

    private static Set<Operation> withNone(Set<Operation> ops) {
        return ops.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(ops);
    }

    /** Requests the sandbox received, oldest first. */
    protected List<LoggedRequest> received() {
        // WireMock lists serve events newest first.
        List<ServeEvent> events = new ArrayList<>(carrier.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().map(ServeEvent::getRequest).toList();
    }

    private static void assertRequests(List<ExpectedRequest> expected, List<LoggedRequest> actual) {
        StringBuilder problems = new StringBuilder();
        if (expected.size() != actual.size()) {
            problems.append("expected ").append(expected.size()).append(" request(s) ").append(expected)
                    .append(" but the carrier received ").append(actual.size()).append(": ")
                    .append(Arrays.toString(actual.stream().map(r -> r.getMethod() + " " + r.getUrl()).toArray()))
                    .append('\n');
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String mismatch = expected.get(i).mismatch(actual.get(i));
            if (mismatch != null) {
                problems.append("request ").append(i + 1).append(" (").append(expected.get(i)).append("): ")
                        .append(mismatch).append('\n');
            }
        }
        if (problems.length() > 0) {
            fail(problems.toString());
        }
    }
}
