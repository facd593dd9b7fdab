package com.carriergateway.core.store;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.truncate;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one owner of {@code order_event}, an order's history: the only INSERT into it is written here (the stores that
 * record an entry in the same statement as their own change, as the booking claim does on PostgreSQL, take the
 * statement from here), and the history is read here. Entries carry ids, statuses, codes and the request id from the
 * logging context; never patient data.
 */
public final class OrderHistory {

    private static final String COLUMNS = "provider_order_id, kind, delivery_status, carrier_id, carrier_code, "
            + "detail, request_id, occurred_at, recorded_at, status_seq";
    private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Package-visible for the PostgreSQL plan tests (OrderStorePlansTest): it must use its index.
    static final String HISTORY = "SELECT id, provider_order_id, kind, delivery_status, carrier_id, carrier_code, "
            + "detail, request_id, occurred_at, recorded_at FROM order_event WHERE provider_order_id = ? ORDER BY id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OrderHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends entries in the given order (their ids keep it); inside the caller's transaction, if any. */
    public void append(OrderEvent... events) {
        append(List.of(events), null);
    }

    /** Appends entries recording the order's status change number {@code statusSeq} (null: not a status change). */
    public void append(List<OrderEvent> events, Long statusSeq) {
        if (!events.isEmpty()) {
            jdbc.update(insert(events.size()), args(events, statusSeq));
        }
    }

    /** The INSERT of {@code n} entries, for a store that records them in one statement with its own change. */
    public String insert(int n) {
        return "INSERT INTO order_event (" + COLUMNS + ") VALUES " + String.join(", ", Collections.nCopies(n, VALUES));
    }

    /** The arguments of {@link #insert} for these entries. */
    public Object[] args(List<OrderEvent> events, Long statusSeq) {
        OffsetDateTime recordedAt = ts(clock.instant());
        List<Object> args = new ArrayList<>();
        for (OrderEvent e : events) {
            String requestId = e.requestId() != null ? e.requestId() : MDC.get("requestId");
            args.addAll(Arrays.asList(e.providerOrderId(), e.kind().name(),
                    e.deliveryStatus() == null ? null : e.deliveryStatus().name(), e.carrierId(),
                    truncate(e.carrierCode(), 200), truncate(e.detail(), 2000), requestId,
                    e.occurredAt() == null ? null : ts(e.occurredAt()), recordedAt, statusSeq));
        }
        return args.toArray();
    }

    /** The order's history, oldest first. */
    public List<OrderEvent> of(String providerOrderId) {
        return jdbc.query(HISTORY,
                (rs, i) -> new OrderEvent(rs.getLong(1), rs.getString(2), OrderEventKind.valueOf(rs.getString(3)),
                        status(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs, 9), instant(rs, 10)),
                providerOrderId);
    }

    private static DeliveryStatus status(String s) {
        return s == null ? null : DeliveryStatus.valueOf(s);
    }
}
