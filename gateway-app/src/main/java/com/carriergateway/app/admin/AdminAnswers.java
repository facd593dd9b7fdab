package com.carriergateway.app.admin;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.outbox.OutboxState;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The admin API's answers, as the controllers write them (as maps, field by field), for the API document. The
 * enums are the core's own, so their values in the document are the ones the gateway writes.
 */
final class AdminAnswers {

    private AdminAnswers() {
    }

    @Schema(name = "AdminCallback", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "A status callback (UpdateOrderStatus) and its delivery state; "
            + "never its content.")
    record Callback(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String provider_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String pharmacy_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The order's change number.") long seq,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DeliveryStatus status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OutboxState state,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int attempts,
            @Schema(nullable = true) String last_error,
            @Schema(nullable = true) Integer last_http_status,
            @Schema(nullable = true, format = "date-time") String created_at,
            @Schema(nullable = true, format = "date-time") String next_attempt_at,
            @Schema(nullable = true, format = "date-time") String sent_at,
            @Schema(nullable = true, format = "date-time") String dead_at) {
    }

    @Schema(name = "AdminDeadLetters", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record DeadLetters(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Callback> dead_letters,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int count) {
    }

    @Schema(name = "AdminReplayed", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Replayed(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Dead letters sent back to "
            + "the queue.") int replayed) {
    }

    @Schema(name = "AdminOrder", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "Ids, state and carrier references: no patient data.")
    record Order(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String provider_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String pharmacy_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long bestrx_unique_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OrderState state,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True while a booking's outcome is "
                    + "unknown and the carrier cannot be asked: every CreateOrder is refused until an operator "
                    + "reconciles the order.") boolean needs_lookup,
            @Schema(nullable = true) String carrier_id,
            @Schema(nullable = true) String carrier_order_id,
            @Schema(nullable = true) String tracking_id,
            @Schema(nullable = true) DeliveryStatus delivery_status,
            @Schema(nullable = true, format = "date-time") String status_at) {
    }

    @Schema(name = "AdminReconcileRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "What the operator found at the carrier.")
    record ReconcileRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true: the carrier holds the order "
                    + "(give its ids); false: it holds no such order (BestRx's next CreateOrder books it).")
            boolean found_at_carrier,
            @Schema(nullable = true, maxLength = 100, description = "The carrier's id of the order; required when "
                    + "found_at_carrier.") String carrier_order_id,
            @Schema(nullable = true, maxLength = 100, description = "Its tracking id; the carrier_order_id when "
                    + "left out.") String tracking_id) {
    }

    @Schema(name = "AdminReconciled", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Reconciled(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Order order,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"booked",
                              "book_on_next_create_order"}) String reconciled) {
    }

    @Schema(name = "AdminOrderEvent", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "An entry of the order's history.")
    record Event(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OrderEventKind kind,
            @Schema(nullable = true) DeliveryStatus delivery_status,
            @Schema(nullable = true) String carrier_id,
            @Schema(nullable = true) String carrier_code,
            @Schema(nullable = true) String detail,
            @Schema(nullable = true) String request_id,
            @Schema(nullable = true, format = "date-time") String occurred_at,
            @Schema(nullable = true, format = "date-time") String recorded_at) {
    }

    @Schema(name = "AdminOrderHistory", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record History(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Order order,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Event> events,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Callback> callbacks) {
    }

    @Schema(name = "AdminProblem", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Problem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"unauthorized",
            "too_many_failed_sign_ins", "not_found", "bad_request", "nothing_to_reconcile"}) String error,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message) {
    }
}
