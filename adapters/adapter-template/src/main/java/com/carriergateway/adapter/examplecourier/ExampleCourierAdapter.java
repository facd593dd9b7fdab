package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.examplecourier.ExampleCourierClient.Call;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Example Courier behind the gateway: deliveries over its REST API, statuses from its webhook. Glue only: requests
 * come from {@link ExampleCourierRequests}, answers are read by {@link ExampleCourierResponses} and
 * {@link ExampleCourierErrors}, the wire is {@link ExampleCourierClient}.
 */
public final class ExampleCourierAdapter implements CarrierAdapter {

    private static final Logger log = LoggerFactory.getLogger(ExampleCourierAdapter.class);

    /** TODO(carrier): what the carrier really offers; the rest answers NotSupported (here: address validation). */
    private static final Set<Operation> CAPABILITIES = Set.copyOf(EnumSet.of(Operation.CREATE_ORDER,
            Operation.FIND_ORDER, Operation.CANCEL_ORDER, Operation.GET_STATUS, Operation.PARSE_WEBHOOK));

    /** TODO(carrier): what its couriers do at the door; routing never sends an order needing anything else. */
    private static final Set<DeliveryCapability> AT_THE_DOOR = Set.copyOf(EnumSet.of(DeliveryCapability.SIGNATURE,
            DeliveryCapability.ID_CHECK));

    private final ExampleCourierSettings settings;
    private final Clock clock;
    private final ExampleCourierClient client;

    public ExampleCourierAdapter(ExampleCourierSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = new ExampleCourierClient(settings, clock);
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public Set<Operation> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return AT_THE_DOOR;
    }

    /** Books a delivery whose reference is the order key, so that {@link #findOrder} can find it again. */
    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        Call call = Call.write("create delivery " + order.orderKey(), "POST", ExampleCourierRequests.createUrl(settings),
                CarrierJson.write(ExampleCourierRequests.createDelivery(order, settings)));
        return exchange(call, answer -> answer.response().is2xx()
                ? ExampleCourierResponses.delivery(carrierId(), answer.status(), answer.body(), settings.statusMap(),
                        now(), true)
                : ExampleCourierErrors.failure(carrierId(), call.description(), true, answer.response()));
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        Call call = Call.read("find delivery " + orderKey, ExampleCourierRequests.findUrl(settings, orderKey));
        return exchange(call, answer -> answer.status() == 200
                ? ExampleCourierResponses.found(carrierId(), answer.status(), answer.body(), orderKey,
                        settings.statusMap(), now())
                : ExampleCourierErrors.failure(carrierId(), call.description(), false, answer.response()));
    }

    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        if (!booked(order)) {
            return neverBooked();
        }
        Call call = Call.read("get delivery " + order.carrierOrderId(),
                ExampleCourierRequests.deliveryUrl(settings, order.carrierOrderId()));
        return exchange(call, answer -> answer.status() == 200
                ? ExampleCourierResponses.status(carrierId(), answer.status(), answer.body(), settings.statusMap(),
                        now())
                : ExampleCourierErrors.failure(carrierId(), call.description(), false, answer.response()));
    }

    /**
     * Cancels the delivery. The carrier saying it is already cancelled is a success: the wanted state holds, so a
     * repeated cancel is harmless.
     */
    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        if (!booked(order)) {
            return neverBooked();
        }
        Call call = Call.write("cancel delivery " + order.carrierOrderId(), "POST",
                ExampleCourierRequests.cancelUrl(settings, order.carrierOrderId()), null);
        return exchange(call, answer -> {
            if (answer.response().is2xx()) {
                return ExampleCourierResponses.cancelled(carrierId(), answer.status(), answer.body(), now());
            }
            ExampleCourierErrors.ErrorBody error = ExampleCourierErrors.parse(answer.body());
            if (answer.status() == 409 && ExampleCourierErrors.ALREADY_CANCELLED.equals(error.code())) {
                return CarrierResult.success(new CancelOutcome(new StatusUpdate(DeliveryStatus.CANCELLED,
                        "already cancelled", now(), error.code(), null), "Example Courier had already cancelled it"));
            }
            return ExampleCourierErrors.failure(carrierId(), call.description(), true, answer.response());
        });
    }

    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return ExampleCourierWebhooks.parse(carrierId(), request == null ? null : request.body(),
                settings.statusMap(), now());
    }

    @Override
    public WebhookProtocol webhookProtocol(WebhookSettings webhook) {
        return ExampleCourierWebhooks.protocol(webhook);
    }

    /**
     * Sends a call and reads its answer. A bug in reading must not escape as an exception (the SPI promises typed
     * outcomes); its message is not logged, because it may quote the carrier's body, which holds patient data.
     */
    private <T> CarrierResult<T> exchange(Call call, Function<Exchange, CarrierResult<T>> onAnswer) {
        try {
            return client.send(call).flatMap(onAnswer);
        } catch (RuntimeException e) {
            log.warn("{} {} failed inside the adapter: {} at {}", carrierId(), call.description(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.PROTOCOL,
                    call.description() + " failed inside the adapter: " + e.getClass().getSimpleName()), call.write());
        }
    }

    private static boolean booked(CarrierOrderRef order) {
        return order != null && order.carrierOrderId() != null && !order.carrierOrderId().isBlank();
    }

    private <T> CarrierResult<T> neverBooked() {
        return CarrierResult.permanentFailure(CarrierError.of(carrierId(), Category.NOT_FOUND,
                "no Example Courier delivery id for this order: it was never booked with Example Courier"));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
