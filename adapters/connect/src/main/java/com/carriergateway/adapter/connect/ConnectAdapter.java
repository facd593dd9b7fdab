package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.connect.ConnectErrors.Call;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Superloop Connect carrier. Connect provisions nbn broadband services with technician appointments:
 * there are no parcels, labels or tracking numbers, so an order maps to a Connect order, its id doubles as
 * the tracking id, and status comes from the order's state and Connect's notifications.
 * Address validation is not offered (Connect qualifies sites; it does not validate addresses).
 */
public final class ConnectAdapter implements CarrierAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectAdapter.class);

    private static final Set<Operation> CAPABILITIES = Set.copyOf(EnumSet.of(
            Operation.CREATE_ORDER, Operation.FIND_ORDER, Operation.CANCEL_ORDER, Operation.GET_STATUS,
            Operation.PARSE_WEBHOOK));

    private final ConnectSettings settings;
    private final Clock clock;
    private final ConnectClient client;
    private final RequestResourcePoller poller;
    private final CancelWindowRule cancelRule;
    private final ConnectWebhooks webhooks;
    private final AccessTokenCache tokens;

    private ConnectAdapter(ConnectSettings settings, Clock clock, RequestResourcePoller.Pacer pacer) {
        this.settings = settings;
        this.clock = clock;
        CarrierHttp http = new CarrierHttp(settings.carrierId, settings.connectTimeout, settings.requestTimeout);
        this.tokens = new AccessTokenCache(new ConnectTokenSource(settings, http, clock), clock,
                settings.tokenRefreshMargin);
        this.client = new ConnectClient(settings, http, tokens);
        this.poller = new RequestResourcePoller(client::getLocation, pacer, settings.pollInitialDelay,
                settings.pollMaxDelay, settings.pollDeadline);
        this.cancelRule = new CancelWindowRule(settings.cancelWindow, settings.refuseAtWindowBoundary,
                settings.inactiveAppointmentStatuses);
        this.webhooks = new ConnectWebhooks(settings.carrierId, settings.statusMap);
    }

    /** @throws IllegalArgumentException naming the property when the settings are incomplete or wrong */
    public static ConnectAdapter create(String carrierId, ConnectProperties settings, Clock clock) {
        return create(carrierId, settings, clock, RequestResourcePoller.Pacer.SYSTEM);
    }

    static ConnectAdapter create(String carrierId, ConnectProperties settings, Clock clock,
                                 RequestResourcePoller.Pacer pacer) {
        return new ConnectAdapter(ConnectSettings.from(carrierId, settings), clock, pacer);
    }

    @Override
    public Optional<AccessTokenState> accessToken() {
        return Optional.of(tokens.state());
    }

    @Override
    public String carrierId() {
        return settings.carrierId;
    }

    @Override
    public Set<Operation> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        String subject = "order " + order.orderKey();
        CarrierResult<CarrierHttpResponse> sent =
                client.postJson(ConnectRequests.CREATE_PATH, ConnectRequests.createOrder(order, settings));
        if (!(sent instanceof CarrierResult.Success<CarrierHttpResponse> ok)) {
            return sent.map(r -> null);
        }
        CarrierHttpResponse response = ok.value();
        if (!response.is2xx()) {
            return ConnectErrors.failure(settings.carrierId, Call.CREATE, response, subject);
        }
        Optional<ConnectOrder> created = ConnectResponses.order(response.body());
        if (created.isPresent()) {
            return CarrierResult.success(created(created.get()));
        }
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            return CarrierResult.transientFailure(CarrierError.of(settings.carrierId, Category.PROTOCOL,
                    "Connect answered HTTP " + response.status() + " to the create of " + subject
                            + " with neither a readable order nor a Location; the order may have been created"), true);
        }
        return followCreate(location.trim(), subject);
    }

    /** The create was accepted (2xx) but its order is not in the answer: poll its Location. */
    private CarrierResult<CarrierOrder> followCreate(String location, String subject) {
        RequestResourcePoller.Outcome outcome = poller.poll(location);
        if (outcome instanceof RequestResourcePoller.StillProcessing still) {
            return CarrierResult.transientFailure(CarrierError.of(settings.carrierId, Category.TIMEOUT,
                    "Connect was still processing the create of " + subject + " at " + location + " after "
                            + still.polls() + " polls over " + still.waited().toSeconds()
                            + "s; the order may still be created: look it up before creating it again"), true);
        }
        if (outcome instanceof RequestResourcePoller.NoAnswer none) {
            // Connect accepted the create, so whatever went wrong while polling, the order may exist.
            CarrierError e = none.failure().failure().orElseThrow();
            return CarrierResult.transientFailure(e, true);
        }
        CarrierHttpResponse answer = ((RequestResourcePoller.Answered) outcome).response();
        if (answer.status() == 200) {
            return ConnectResponses.order(answer.body())
                    .<CarrierResult<CarrierOrder>>map(o -> CarrierResult.success(created(o)))
                    .orElseGet(() -> CarrierResult.transientFailure(CarrierError.of(settings.carrierId,
                            Category.PROTOCOL, "Connect answered the create of " + subject
                                    + " with an unreadable order; the order may have been created"), true));
        }
        CarrierResult<CarrierOrder> failure = ConnectErrors.failure(settings.carrierId, Call.CREATE, answer, subject);
        if (failure instanceof CarrierResult.Refused<CarrierOrder>) {
            return failure;
        }
        return CarrierResult.transientFailure(failure.failure().orElseThrow(), true);
    }

    private CarrierOrder created(ConnectOrder order) {
        log.info("{} created Connect order {}", settings.carrierId, order.id());
        return ConnectResponses.toCarrierOrder(order, StatusUpdate.of(DeliveryStatus.CREATED, Instant.now(clock), "created"));
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        String subject = "the order search for " + orderKey;
        CarrierResult<CarrierHttpResponse> sent = client.get(ConnectRequests.findPath(settings.findPath, orderKey));
        if (!(sent instanceof CarrierResult.Success<CarrierHttpResponse> ok)) {
            return sent.map(r -> null);
        }
        CarrierHttpResponse response = ok.value();
        if (response.status() != 200) {
            return ConnectErrors.failure(settings.carrierId, Call.FIND, response, subject);
        }
        Optional<List<ConnectOrder>> listed = ConnectResponses.orderList(response.body());
        if (listed.isEmpty()) {
            return unreadable(subject);
        }
        // Should the search ignore its filter, an order carrying another reference is no match.
        List<ConnectOrder> matches = listed.get().stream()
                .filter(o -> o.customerRef() == null || o.customerRef().equals(orderKey))
                .sorted(Comparator.comparing((ConnectOrder o) -> new BigInteger(o.id())).reversed())
                .toList();
        if (matches.isEmpty()) {
            return CarrierResult.success(Optional.empty());
        }
        ConnectOrder newest = matches.get(0);
        ConnectStatusMap.Derived status = derive(newest);
        List<String> warnings = new ArrayList<>(status.warnings());
        if (matches.size() > 1) {
            warnings.add(matches.size() + " Connect orders carry reference " + orderKey + "; reporting the newest, "
                    + newest.id());
        }
        return new CarrierResult.Success<>(Optional.of(ConnectResponses.toCarrierOrder(newest, status.update())),
                warnings);
    }

    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef ref) {
        Optional<Long> id = ConnectRequests.orderNumber(ref.carrierOrderId());
        if (id.isEmpty()) {
            return notAConnectId(ref);
        }
        CarrierResult<ConnectOrder> read = readOrder(id.get());
        if (!(read instanceof CarrierResult.Success<ConnectOrder> ok)) {
            return read.map(o -> null);
        }
        ConnectStatusMap.Derived status = derive(ok.value());
        return new CarrierResult.Success<>(status.update(), status.warnings());
    }

    /**
     * Reads the order first: Connect refuses a cancel when the order is not cancellable or an active
     * appointment starts within the window, and the pharmacy deserves that reason rather than a bare refusal.
     * An order already cancelled is reported cancelled without calling Connect again.
     */
    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef ref) {
        Optional<Long> id = ConnectRequests.orderNumber(ref.carrierOrderId());
        if (id.isEmpty()) {
            return notAConnectId(ref);
        }
        String subject = "Connect order " + id.get();
        CarrierResult<ConnectOrder> read = readOrder(id.get());
        if (!(read instanceof CarrierResult.Success<ConnectOrder> ok)) {
            return read.map(o -> null);
        }
        ConnectOrder order = ok.value();
        StatusUpdate current = derive(order).update();
        if (current.status() == DeliveryStatus.CANCELLED) {
            return CarrierResult.success(new CancelOutcome(current, subject + " was already cancelled"));
        }
        CancelWindowRule.Verdict verdict = cancelRule.evaluate(order, clock);
        if (verdict instanceof CancelWindowRule.NotCancellable refused) {
            log.info("{} not cancelling {}: not cancellable", settings.carrierId, subject);
            return CarrierResult.refused(CarrierError.of(settings.carrierId, Category.CONFLICT, refused.reason()));
        }
        if (verdict instanceof CancelWindowRule.WithinWindow refused) {
            log.info("{} not cancelling {}: appointment at {} is within the cancel window", settings.carrierId,
                    subject, refused.start());
            return CarrierResult.refused(CarrierError.of(settings.carrierId, Category.CONFLICT, refused.reason()));
        }
        CarrierResult<CarrierHttpResponse> sent =
                client.postJson(ConnectRequests.CANCEL_PATH, ConnectRequests.cancelOrder(id.get()));
        if (!(sent instanceof CarrierResult.Success<CarrierHttpResponse> answered)) {
            return sent.map(r -> null);
        }
        CarrierHttpResponse response = answered.value();
        if (!response.is2xx()) {
            return ConnectErrors.failure(settings.carrierId, Call.CANCEL, response, subject);
        }
        log.info("{} cancelled {}", settings.carrierId, subject);
        return CarrierResult.success(new CancelOutcome(
                StatusUpdate.of(DeliveryStatus.CANCELLED, Instant.now(clock), "cancelled"), subject + " cancelled"));
    }

    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return webhooks.parse(request, Instant.now(clock));
    }

    private CarrierResult<ConnectOrder> readOrder(long id) {
        String subject = "Connect order " + id;
        CarrierResult<CarrierHttpResponse> sent = client.get(ConnectRequests.orderPath(settings.orderPath, id));
        if (!(sent instanceof CarrierResult.Success<CarrierHttpResponse> ok)) {
            return sent.map(r -> null);
        }
        CarrierHttpResponse response = ok.value();
        if (response.status() != 200) {
            return ConnectErrors.failure(settings.carrierId, Call.READ, response, subject);
        }
        return ConnectResponses.order(response.body())
                .<CarrierResult<ConnectOrder>>map(CarrierResult::success)
                .orElseGet(() -> unreadable(subject));
    }

    private ConnectStatusMap.Derived derive(ConnectOrder order) {
        return settings.statusMap.derive(order, settings.inactiveAppointmentStatuses, Instant.now(clock));
    }

    /** An unreadable answer to a read: nothing changed, so it is worth another try. */
    private <T> CarrierResult<T> unreadable(String subject) {
        return CarrierResult.transientFailure(CarrierError.of(settings.carrierId, Category.PROTOCOL,
                "Connect answered " + subject + " with a body that is not the expected JSON"), false);
    }

    private <T> CarrierResult<T> notAConnectId(CarrierOrderRef ref) {
        return CarrierResult.permanentFailure(CarrierError.of(settings.carrierId, Category.NOT_FOUND,
                "'" + ref.carrierOrderId() + "' is not a Connect order id (Connect ids are numbers)"));
    }
}
