package com.carriergateway.core.store;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The console's order search over {@code delivery_order} (read only). An id matches whichever id it is: BestRx's
 * order id or unique order id (numbers), the gateway's order key, the carrier's order id or the tracking id. Filters
 * narrow by pharmacy, carrier, state or status, and creation time; newest first, a page at a time.
 *
 * <p>Operator queries, not the booking path's: only the carrier-scoped lookups have indexes, so a search by id alone
 * or a list of everything reads the table (fine at a pharmacy group's volume; an index on {@code created_at} would
 * cost every booking an index insertion, which the booking path was trimmed to avoid).
 */
public class OrderSearch {

    /** What the operator asked for; null or blank fields do not filter. */
    public record Query(String id, String pharmacyId, String carrierId, String status, Instant createdFrom,
                        Instant createdBefore, int page, int pageSize) {
    }

    /** One page of results; {@code hasNext} when another page follows. */
    public record Page(List<OrderSummary> orders, int page, boolean hasNext) {
    }

    private static final String COLUMNS = "provider_order_id, pharmacy_id, bestrx_order_id, bestrx_unique_order_id, "
            + "state, carrier_id, carrier_order_id, tracking_id, delivery_status, status_at, created_at, needs_lookup";

    private final JdbcTemplate jdbc;

    public OrderSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page find(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM delivery_order WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String id = blankToNull(q.id());
        if (id != null) {
            sql.append(" AND (provider_order_id = ? OR tracking_id = ? OR carrier_order_id = ?");
            args.add(id.toUpperCase(Locale.ROOT));
            args.add(id);
            args.add(id);
            if (id.matches("\\d{1,18}")) {
                sql.append(" OR bestrx_order_id = ? OR bestrx_unique_order_id = ?");
                args.add(Long.parseLong(id));
                args.add(Long.parseLong(id));
            }
            sql.append(')');
        }
        if (blankToNull(q.pharmacyId()) != null) {
            sql.append(" AND pharmacy_id = ?");
            args.add(q.pharmacyId().trim().toLowerCase(Locale.ROOT));
        }
        if (blankToNull(q.carrierId()) != null) {
            sql.append(" AND carrier_id = ?");
            args.add(q.carrierId().trim());
        }
        if (blankToNull(q.status()) != null) {
            sql.append(" AND (state = ? OR delivery_status = ?)");
            args.add(q.status().trim());
            args.add(q.status().trim());
        }
        if (q.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            args.add(ts(q.createdFrom()));
        }
        if (q.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            args.add(ts(q.createdBefore()));
        }
        int size = Math.max(1, Math.min(q.pageSize(), 500));
        int page = Math.max(0, q.page());
        // one row more than the page: tells whether another page follows without counting the table
        sql.append(" ORDER BY created_at DESC, provider_order_id LIMIT ? OFFSET ?");
        args.add(size + 1);
        args.add((long) page * size);
        List<OrderSummary> rows = jdbc.query(sql.toString(), ROW, args.toArray());
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? rows.subList(0, size) : rows, page, hasNext);
    }

    public Optional<OrderSummary> byId(String providerOrderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_order WHERE provider_order_id = ?", ROW,
                providerOrderId).stream().findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final RowMapper<OrderSummary> ROW = (rs, i) -> new OrderSummary(rs.getString(1), rs.getString(2),
            rs.getLong(3), rs.getLong(4), OrderState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9) == null ? null : DeliveryStatus.valueOf(rs.getString(9)),
            instant(rs, 10), instant(rs, 11), rs.getBoolean(12));
}
