package com.carriergateway.app.admin;

import com.carriergateway.core.outbox.DeadLetterReplay;
import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.outbox.OutboxStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters of the status outbox: list them (ids, order, attempts, last error; never their content) and
 * send them back to the queue, one or all of an order. Replayed callbacks go out in sequence, before the
 * order's later changes that waited behind them.
 */
@RestController
@Tag(name = AdminConfiguration.TAG)
@SecurityRequirement(name = AdminConfiguration.ADMIN_BASIC)
@RequestMapping("/admin")
public class OutboxAdminController {

    private final OutboxStore outbox;
    private final DeadLetterReplay replay;

    public OutboxAdminController(OutboxStore outbox, DeadLetterReplay replay) {
        this.outbox = outbox;
        this.replay = replay;
    }

    @Operation(summary = "Dead letters", description = "Status callbacks that spent their retry budget, oldest "
            + "first: ids, order, attempts, last error; never their content.")
    @ApiResponse(responseCode = "200", description = "The dead letters.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.DeadLetters.class)))
    @GetMapping("/outbox/dead-letters")
    public Map<String, Object> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        List<Map<String, Object>> rows = outbox.deadLetters(Math.max(1, Math.min(limit, 1000))).stream()
                .map(OutboxAdminController::row).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dead_letters", rows);
        body.put("count", rows.size());
        return body;
    }

    @Operation(summary = "Replay one dead letter", description = "Sends it back to the queue; it goes out before "
            + "its order's later changes that waited behind it.")
    @ApiResponse(responseCode = "200", description = "Back in the queue.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Replayed.class)))
    @ApiResponse(responseCode = "404", description = "Not a dead letter.",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Problem.class)))
    @PostMapping("/outbox/{id}/replay")
    public ResponseEntity<Map<String, Object>> replayOne(@PathVariable long id) {
        if (!replay.one(id)) {
            return ResponseEntity.status(404).body(Map.of("error", "not_found",
                    "message", "Callback " + id + " is not a dead letter."));
        }
        return ResponseEntity.ok(Map.of("replayed", 1));
    }

    @Operation(summary = "Replay an order's dead letters", description = "Sends every dead letter of the order back "
            + "to the queue, in order.")
    @ApiResponse(responseCode = "200", description = "How many went back (0 when none was dead).",
            content = @Content(schema = @Schema(implementation = AdminAnswers.Replayed.class)))
    @PostMapping("/orders/{providerOrderId}/replay")
    public Map<String, Object> replayOrder(@PathVariable String providerOrderId) {
        return Map.of("replayed", replay.ofOrder(providerOrderId));
    }

    static Map<String, Object> row(OutboxEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("provider_order_id", e.providerOrderId());
        m.put("pharmacy_id", e.pharmacyId());
        m.put("seq", e.seq());
        m.put("status", e.status().name());
        m.put("state", e.state().name());
        m.put("attempts", e.attempts());
        m.put("last_error", e.lastError());
        m.put("last_http_status", e.lastHttpStatus());
        m.put("created_at", e.createdAt() == null ? null : e.createdAt().toString());
        m.put("next_attempt_at", e.nextAttemptAt() == null ? null : e.nextAttemptAt().toString());
        m.put("sent_at", e.sentAt() == null ? null : e.sentAt().toString());
        m.put("dead_at", e.deadAt() == null ? null : e.deadAt().toString());
        return m;
    }
}
