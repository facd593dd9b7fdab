package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Call;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Failure;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Kind;
import com.carriergateway.adapter.uberdirect.UberDirectResponses.Page;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uber Direct behind the gateway: on-demand and scheduled courier deliveries through Uber's DaaS API
 * ({@code /v1/customers/{customer_id}/deliveries}), statuses from Get Delivery and from Uber's signed webhooks. Glue
 * only: requests come from {@link UberDirectRequests}, answers are read by {@link UberDirectResponses},
 * {@link UberDirectErrors} and {@link UberWebhookEvents}. Uber validates no addresses, so that operation is not
 * offered.
 */
public final class UberDirectAdapter implements CarrierAdapter {

    private static final Logger log = LoggerFactory.getLogger(UberDirectAdapter.class);

    private static final Set<Operation> CAPABILITIES = Set.copyOf(EnumSet.of(Operation.CREATE_ORDER,
            Operation.FIND_ORDER, Operation.CANCEL_ORDER, Operation.GET_STATUS, Operation.PARSE_WEBHOOK));

    private final UberDirectSettings settings;
    private final Clock clock;
    private final UberDirectClient client;
    private final SignatureImages signatureImages;

    public UberDirectAdapter(UberDirectSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = new UberDirectClient(settings, clock);
        this.signatureImages = settings.fetchSignatureImage()
                ? new SignatureImages(settings.signatureImageTimeout(), settings.signatureImageHosts())
                : null;
    }

    @Override
    public Optional<AccessTokenState> accessToken() {
        return Optional.of(client.tokenState());
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public Set<Operation> capabilities() {
        return CAPABILITIES;
    }

    /** Signature (with the signer's name and relationship) and a minimum-age ID check always; a PIN when configured. */
    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return settings.dropoffPinCode()
                ? Set.of(DeliveryCapability.SIGNATURE, DeliveryCapability.ID_CHECK, DeliveryCapability.PIN_CODE)
                : Set.of(DeliveryCapability.SIGNATURE, DeliveryCapability.ID_CHECK);
    }

    /**
     * Create Delivery, keyed by the order key. When Uber answers {@code 409 duplicate_delivery}, the delivery it names
     * is read and returned: the create's goal is reached.
     */
    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        return UberDirectRequests.createDelivery(carrierId(), order, settings, now()).flatMap(body -> exchange(
                Call.CREATE, () -> client.postJson(Call.CREATE.description, UberDirectRequests.createUrl(settings),
                        CarrierJson.write(body)), answer -> {
                    if (answer.response().is2xx()) {
                        return UberDirectResponses.order(carrierId(), answer.status(), answer.body(),
                                settings.statusMap(), now(), true);
                    }
                    Failure failure = classify(Call.CREATE, answer);
                    return failure.kind() == Kind.DUPLICATE_DELIVERY ? existingDelivery(order.orderKey(), failure)
                            : failure.toResult();
                }));
    }

    /**
     * Uber has no lookup by {@code external_id}: List Deliveries is read page by page ({@code find-page-size}, at most
     * {@code find-max-pages}, following Uber's {@code next_href}), newest first, until a page holds a delivery whose
     * {@code external_id} is the order key. Not finding it in all of Uber's pages is a definite "not found"; not
     * finding it in the pages searched, with more left, is reported the same, with a warning: the order a lost create
     * may have booked is among the newest deliveries, and within 60 minutes Uber's idempotency key answers a repeated
     * create with the same delivery anyway.
     */
    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        if (orderKey == null || orderKey.isBlank()) {
            // every delivery without an external_id would "match" nothing in particular: refuse to guess
            return CarrierResult.permanentFailure(CarrierError.of(carrierId(), Category.VALIDATION,
                    "no order key to look up"));
        }
        String url = UberDirectRequests.listUrl(settings);
        for (int pageNo = 1; pageNo <= settings.findMaxPages(); pageNo++) {
            String pageUrl = url;
            CarrierResult<Page> page = exchange(Call.LIST, () -> client.get(Call.LIST.description, pageUrl),
                    answer -> answer.response().is2xx()
                            ? UberDirectResponses.page(carrierId(), answer.status(), answer.body(), settings.baseUrl())
                            : classify(Call.LIST, answer).toResult());
            if (!(page instanceof CarrierResult.Success<Page> ok)) {
                return page.map(p -> Optional.empty());
            }
            List<JsonNode> matches = ok.value().deliveries().stream()
                    .filter(d -> orderKey.equals(CarrierJson.text(d, "external_id"))
                            && CarrierJson.text(d, "id") != null)
                    .sorted(Comparator.comparing((JsonNode d) -> UberDirectResponses.instant(
                            CarrierJson.text(d, "created")), Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            if (!matches.isEmpty()) {
                List<String> warnings = new ArrayList<>();
                CarrierOrder found = UberDirectResponses.carrierOrder(matches.get(0), settings.statusMap(), now(),
                        warnings);
                if (matches.size() > 1) {
                    warnings.add(matches.size() + " Uber deliveries carry this order's external_id; reporting the "
                            + "newest, " + found.carrierOrderId());
                }
                return new CarrierResult.Success<>(Optional.of(found), warnings);
            }
            if (ok.value().nextUrl() == null) {
                return CarrierResult.success(Optional.empty());
            }
            url = ok.value().nextUrl();
        }
        return new CarrierResult.Success<>(Optional.empty(), List.of("not among Uber's newest "
                + settings.findMaxPages() + " page(s) of " + settings.findPageSize()
                + " deliveries; older ones were not searched (find-max-pages)"));
    }

    /** Cancel Delivery. Uber's {@code noncancelable_delivery} is a refusal with Uber's reason. */
    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        if (noDeliveryId(order)) {
            return noDeliveryId();
        }
        String deliveryId = order.carrierOrderId().trim();
        return exchange(Call.CANCEL, () -> client.post(Call.CANCEL.description,
                UberDirectRequests.cancelUrl(settings, deliveryId)), answer -> {
                    if (answer.response().is2xx()) {
                        return UberDirectResponses.cancelled(carrierId(), answer.status(), answer.body(),
                                settings.statusMap(), now());
                    }
                    Failure failure = classify(Call.CANCEL, answer);
                    if (failure.kind() == Kind.REFUSED) {
                        log.info("{} Uber refused to cancel delivery {} ({})", carrierId(), deliveryId,
                                failure.error().carrierCode());
                    }
                    return failure.toResult();
                });
    }

    /** Get Delivery, with the proof of delivery once delivered (its image fetched when configured). */
    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        if (noDeliveryId(order)) {
            return noDeliveryId();
        }
        return exchange(Call.GET, () -> client.get(Call.GET.description,
                UberDirectRequests.getUrl(settings, order.carrierOrderId().trim())), answer -> {
                    if (!answer.response().is2xx()) {
                        return classify(Call.GET, answer).toResult();
                    }
                    CarrierResult<StatusUpdate> status = UberDirectResponses.status(carrierId(), answer.status(),
                            answer.body(), settings.statusMap(), now());
                    return status instanceof CarrierResult.Success<StatusUpdate> s ? withSignatureImage(s) : status;
                });
    }

    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        CarrierResult<List<CarrierStatusEvent>> parsed = UberWebhookEvents.parse(carrierId(),
                request == null ? null : request.body(), settings.statusMap(), now());
        if (signatureImages == null || !(parsed instanceof CarrierResult.Success<List<CarrierStatusEvent>> s)) {
            return parsed;
        }
        List<String> warnings = new ArrayList<>(s.warnings());
        List<CarrierStatusEvent> events = s.value().stream().map(e -> e.update().proof() == null ? e
                : new CarrierStatusEvent(e.carrierOrderId(), e.trackingId(), e.orderKey(), e.eventId(),
                        withProof(e.update(), signatureImages.withImage(e.update().proof(), warnings)))).toList();
        return new CarrierResult.Success<>(events, warnings);
    }

    /** Uber's signed webhooks ({@code x-uber-signature}) instead of the default HTTP Basic. */
    @Override
    public WebhookProtocol webhookProtocol(WebhookSettings webhook) {
        return new UberWebhookProtocol(webhook);
    }

    /**
     * Uber already holds an active delivery for this order: read the one its 409 names (or, without a name, look the
     * order up). When that read fails, its failure; when there is nothing after all, the 409's refusal.
     */
    private CarrierResult<CarrierOrder> existingDelivery(String orderKey, Failure duplicate) {
        CarrierResult<Optional<CarrierOrder>> found = duplicate.deliveryId() != null
                ? exchange(Call.GET, () -> client.get(Call.GET.description,
                        UberDirectRequests.getUrl(settings, duplicate.deliveryId())),
                        answer -> answer.response().is2xx()
                                ? UberDirectResponses.order(carrierId(), answer.status(), answer.body(),
                                        settings.statusMap(), now(), false).map(Optional::of)
                                : classify(Call.GET, answer).toResult())
                : findOrder(orderKey);
        if (found instanceof CarrierResult.Success<Optional<CarrierOrder>> s && s.value().isPresent()) {
            List<String> warnings = new ArrayList<>(s.warnings());
            warnings.add("Uber already held delivery " + s.value().get().carrierOrderId()
                    + " for this order (duplicate_delivery); returned it");
            return new CarrierResult.Success<>(s.value().get(), warnings);
        }
        if (!found.isSuccess()) {
            return found.map(o -> o.orElse(null)); // keeps the lookup's failure, e.g. transient
        }
        return duplicate.toResult();
    }

    private CarrierResult<StatusUpdate> withSignatureImage(CarrierResult.Success<StatusUpdate> s) {
        if (signatureImages == null || s.value().proof() == null) {
            return s;
        }
        List<String> warnings = new ArrayList<>(s.warnings());
        StatusUpdate update = withProof(s.value(), signatureImages.withImage(s.value().proof(), warnings));
        return new CarrierResult.Success<>(update, warnings);
    }

    private static StatusUpdate withProof(StatusUpdate u, ProofOfDelivery proof) {
        return new StatusUpdate(u.status(), u.reason(), u.occurredAt(), u.carrierCode(), proof);
    }

    /**
     * Sends a call and reads the answer, turning transport failures into typed outcomes. Only a call that changes
     * Uber's state can leave an outcome unknown (AuthorizedHttp decides that for failures without an answer).
     */
    private <T> CarrierResult<T> exchange(Call call, Supplier<CarrierResult<Exchange>> send,
                                          Function<Exchange, CarrierResult<T>> onAnswer) {
        try {
            return send.get().flatMap(onAnswer::apply);
        } catch (RuntimeException e) {
            // A bug here must not escape as an exception (the SPI promises typed outcomes). The message is not
            // logged: it may quote Uber's body, which carries patient data.
            log.warn("Uber {} failed inside the adapter: {} at {}", call.description, e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.PROTOCOL,
                    call.description + " failed inside the adapter: " + e.getClass().getSimpleName()), call.writes);
        }
    }

    private Failure classify(Call call, Exchange answer) {
        return UberDirectErrors.classify(carrierId(), call, answer.status(), answer.body(),
                UberDirectErrors.retryAfter(answer.response().header("Retry-After"), now()));
    }

    private static boolean noDeliveryId(CarrierOrderRef order) {
        return order == null || order.carrierOrderId() == null || order.carrierOrderId().isBlank();
    }

    private <T> CarrierResult<T> noDeliveryId() {
        return CarrierResult.permanentFailure(CarrierError.of(carrierId(), Category.NOT_FOUND,
                "no Uber delivery id for this order: it was never booked with Uber"));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
