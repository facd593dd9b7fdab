package com.carriergateway.app.admin;

import com.carriergateway.core.outbox.DeadLetterReplay;
import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.outbox.OutboxStore;
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
@RequestMapping("/admin")
public class OutboxAdminController {

    private final OutboxStore outbox;
    private final DeadLetterReplay replay;

    public OutboxAdminController(OutboxStore outbox, DeadLetterReplay replay) {
        this.outbox = outbox;
        this.replay = replay;
    }

    @GetMapping("/outbox/dead-letters")
    public Map<String, Object> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        List<Map<String, Object>> rows = outbox.deadLetters(Math.max(1, Math.min(limit, 1000))).stream()
                .map(OutboxAdminController::row).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dead_letters", rows);
        body.put("count", rows.size());
        return body;
    }

    @PostMapping("/outbox/{id}/replay")
    public ResponseEntity<Map<String, Object>> replayOne(@PathVariable long id) {
        if (!replay.one(id)) {
            return ResponseEntity.status(404).body(Map.of("error", "not_found",
                    "message", "Callback " + id + " is not a dead letter."));
        }
        return ResponseEntity.ok(Map.of("replayed", 1));
    }

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
