package com.carriergateway.app.admin;

import com.carriergateway.core.order.ReconcileBooking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settling a booking whose outcome the gateway could not learn ({@code needs_lookup}): the operator says what the
 * carrier holds ({@link ReconcileBooking}). Reads its body itself, so that anything unreadable gets the admin API's
 * own 400, naming the field.
 */
@RestController
@Tag(name = AdminConfiguration.TAG)
@SecurityRequirement(name = AdminConfiguration.ADMIN_BASIC)
@RequestMapping("/admin/orders")
public class BookingReconciliationController {

    private final ReconcileBooking reconcile;
    private final ObjectMapper json;

    public BookingReconciliationController(ReconcileBooking reconcile, ObjectMapper json) {
        this.reconcile = reconcile;
        this.json = json;
    }

    @Operation(summary = "Reconcile a booking whose outcome is unknown", description = "For an order with "
            + "needs_lookup (the create may have reached the carrier, no answer came, and the carrier could not be "
            + "asked): found_at_carrier true books it with the carrier's ids, and BestRx's next CreateOrder is "
            + "answered with them without a carrier call; false lets BestRx's next CreateOrder book it. One line in "
            + "the order's history either way.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AdminAnswers.ReconcileRequest.class))))
    @ApiResponse(responseCode = "200", description = "Reconciled.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Reconciled.class)))
    @ApiResponse(responseCode = "400", description = "The body is not what the operation takes; the message names "
            + "the field.", content = @Content(schema = @Schema(implementation = AdminAnswers.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such order.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Problem.class)))
    @ApiResponse(responseCode = "409", description = "The order is not waiting for an operator.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Problem.class)))
    @PostMapping("/{providerOrderId}/reconcile")
    public ResponseEntity<Map<String, Object>> reconcile(@PathVariable String providerOrderId,
                                                         @org.springframework.web.bind.annotation.RequestBody(
                                                                 required = false) String body) {
        ReconcileBooking.Finding finding;
        try {
            finding = finding(body);
        } catch (IllegalArgumentException e) {
            return problem(400, "bad_request", e.getMessage());
        }
        ReconcileBooking.Result result = reconcile.reconcile(new ReconcileBooking.Command(providerOrderId, finding));
        if (result instanceof ReconcileBooking.NoSuchOrder) {
            return problem(404, "not_found", "No order " + providerOrderId.replaceAll("[^A-Za-z0-9._-]", "?") + ".");
        }
        if (result instanceof ReconcileBooking.NothingToReconcile nothing) {
            return problem(409, "nothing_to_reconcile", "Order " + nothing.order().providerOrderId() + " is "
                    + nothing.order().state() + (nothing.order().needsLookup() ? "" : " without an unknown outcome")
                    + ": nothing to reconcile.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order", OrderHistoryController.order(((ReconcileBooking.Reconciled) result).order()));
        answer.put("reconciled", finding instanceof ReconcileBooking.AtCarrier ? "booked" : "book_on_next_create_order");
        return ResponseEntity.ok(answer);
    }

    /** The operator's finding from the body; IllegalArgumentException naming the field when it cannot be read. */
    private ReconcileBooking.Finding finding(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : this.json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not JSON: send {\"found_at_carrier\": true|false, "
                    + "\"carrier_order_id\": \"...\"}.");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("found_at_carrier: required (true or false).");
        }
        JsonNode found = json.get("found_at_carrier");
        if (found == null || !found.isBoolean()) {
            throw new IllegalArgumentException("found_at_carrier: required, true or false.");
        }
        if (!found.booleanValue()) {
            return new ReconcileBooking.NotAtCarrier();
        }
        return new ReconcileBooking.AtCarrier(text(json, "carrier_order_id"), text(json, "tracking_id"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + ": a string.");
        }
        return v.asText();
    }

    private static ResponseEntity<Map<String, Object>> problem(int status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message));
    }
}
