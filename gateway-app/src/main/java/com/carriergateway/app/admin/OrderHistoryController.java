package com.carriergateway.app.admin;

import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's story for operators: where it stands, its history, and each status callback with its delivery
 * state. Ids, statuses and codes only; the store holds no patient data and callback content is not shown.
 */
@RestController
@Tag(name = AdminConfiguration.TAG)
@SecurityRequirement(name = AdminConfiguration.ADMIN_BASIC)
@RequestMapping("/admin/orders")
public class OrderHistoryController {

    private final OrderStore orders;
    private final OutboxStore outbox;

    public OrderHistoryController(OrderStore orders, OutboxStore outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Operation(summary = "An order's story", description = "Where the order stands, its history, and each status "
            + "callback with its delivery state. Ids, statuses and codes only.")
    @ApiResponse(responseCode = "200", description = "The order.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.History.class)))
    @ApiResponse(responseCode = "404", description = "No such order.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Problem.class)))
    @GetMapping("/{providerOrderId}/history")
    public ResponseEntity<Map<String, Object>> history(@PathVariable String providerOrderId) {
        Optional<StoredOrder> found = orders.findById(providerOrderId);
        if (found.isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "not_found",
                    "message", "No order " + providerOrderId.replaceAll("[^A-Za-z0-9._-]", "?") + "."));
        }
        Map<String, Object> order = order(found.get());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", order);
        body.put("events", orders.history(providerOrderId).stream().map(OrderHistoryController::event).toList());
        body.put("callbacks", outbox.entries(providerOrderId).stream().map(OutboxAdminController::row).toList());
        return ResponseEntity.ok(body);
    }

    /** The order as the admin API shows it (AdminOrder): ids, state, carrier references. */
    static Map<String, Object> order(StoredOrder o) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("provider_order_id", o.providerOrderId());
        order.put("pharmacy_id", o.pharmacyId());
        order.put("bestrx_unique_order_id", o.bestrxUniqueOrderId());
        order.put("state", o.state().name());
        order.put("needs_lookup", o.needsLookup());
        order.put("carrier_id", o.carrierId());
        order.put("carrier_order_id", o.carrierOrderId());
        order.put("tracking_id", o.trackingId());
        order.put("delivery_status", o.deliveryStatus() == null ? null : o.deliveryStatus().name());
        order.put("status_at", text(o.statusAt()));
        return order;
    }

    private static Map<String, Object> event(OrderEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("delivery_status", e.deliveryStatus() == null ? null : e.deliveryStatus().name());
        m.put("carrier_id", e.carrierId());
        m.put("carrier_code", e.carrierCode());
        m.put("detail", e.detail());
        m.put("request_id", e.requestId());
        m.put("occurred_at", text(e.occurredAt()));
        m.put("recorded_at", text(e.recordedAt()));
        return m;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
