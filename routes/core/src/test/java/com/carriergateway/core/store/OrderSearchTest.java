package com.carriergateway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.status.StatusFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The console's order search on both databases: any id, the filters, newest first, a page at a time. */
class OrderSearchTest {

    static OrderSearch.Query query(String id, String pharmacy, String carrier, String status, int page, int size) {
        return new OrderSearch.Query(id, pharmacy, carrier, status, null, null, page, size);
    }

    static List<String> keys(OrderSearch.Page page) {
        return page.orders().stream().map(OrderSummary::providerOrderId).toList();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anyIdFindsItsOrderAndTheFiltersNarrow(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String a = f.book("CG-SEARCHA", "pb");
        f.clock.advance(Duration.ofMinutes(1));
        String b = f.book("CG-SEARCHB", "connect");
        f.clock.advance(Duration.ofMinutes(1));
        String c = f.book("CG-SEARCHC", "pb");
        f.webhook(c, DeliveryStatus.IN_TRANSIT, f.clock.instant());
        OrderSearch search = new OrderSearch(f.jdbc);
        OrderSummary first = search.byId(a).orElseThrow();

        assertThat(keys(search.find(query(null, null, null, null, 0, 10)))).containsExactly(c, b, a);
        assertThat(keys(search.find(query("cg-searcha", null, null, null, 0, 10)))).containsExactly(a);
        assertThat(keys(search.find(query("TRK-" + b, null, null, null, 0, 10)))).containsExactly(b);
        assertThat(keys(search.find(query("ORD-" + c, null, null, null, 0, 10)))).containsExactly(c);
        assertThat(keys(search.find(query(String.valueOf(first.bestrxUniqueOrderId()), null, null, null, 0, 10))))
                .containsExactly(a);
        assertThat(keys(search.find(query("123456789", null, null, null, 0, 10)))).as("BestRx's order id")
                .containsExactly(c, b, a);
        assertThat(keys(search.find(query(null, null, "pb", null, 0, 10)))).containsExactly(c, a);
        assertThat(keys(search.find(query(null, null, null, "IN_TRANSIT", 0, 10)))).containsExactly(c);
        assertThat(keys(search.find(query(null, null, null, "BOOKED", 0, 10)))).containsExactly(c, b, a);
        assertThat(keys(search.find(query(null, StatusFixture.PHARMACY.toUpperCase(), null, null, 0, 10))))
                .hasSize(3);
        assertThat(keys(search.find(query(null, "another-pharmacy", null, null, 0, 10)))).isEmpty();
        assertThat(keys(search.find(new OrderSearch.Query(null, null, null, null, first.createdAt().plusSeconds(1),
                null, 0, 10)))).containsExactly(c, b);

        OrderSearch.Page one = search.find(query(null, null, null, null, 0, 2));
        assertThat(keys(one)).containsExactly(c, b);
        assertThat(one.hasNext()).isTrue();
        OrderSearch.Page two = search.find(query(null, null, null, null, 1, 2));
        assertThat(keys(two)).containsExactly(a);
        assertThat(two.hasNext()).isFalse();
    }
}
