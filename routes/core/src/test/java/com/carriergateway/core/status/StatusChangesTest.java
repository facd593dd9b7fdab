package com.carriergateway.core.status;

import static com.carriergateway.core.status.StatusFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.outbox.OutboxState;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.StoredOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Intake on both databases: what is applied gets a sequence number, history and an outbox row, in one go. */
class StatusChangesTest {

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void appliedChangesAreNumberedQueuedAndRecordedIgnoredOnesOnlyRecorded(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-R1", "pb");

        assertThat(f.webhook(key, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(60)).seq()).isEqualTo(1);
        assertThat(f.webhook(key, DeliveryStatus.IN_TRANSIT, T0.plusSeconds(120)).seq()).isEqualTo(2);
        StatusChanges.Recorded repeat = f.webhook(key, DeliveryStatus.IN_TRANSIT, T0.plusSeconds(120));
        StatusChanges.Recorded late = f.webhook(key, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(90));
        assertThat(f.webhook(key, DeliveryStatus.DELIVERED, T0.plusSeconds(300)).seq()).isEqualTo(3);
        StatusChanges.Recorded afterDelivery = f.webhook(key, DeliveryStatus.IN_TRANSIT, T0.plusSeconds(400));

        assertThat(repeat.outcome()).isEqualTo(StatusChanges.Outcome.IGNORED);
        assertThat(repeat.verdict()).isEqualTo(ProgressionRule.Verdict.REPEAT);
        assertThat(late.verdict()).isEqualTo(ProgressionRule.Verdict.LATE);
        assertThat(afterDelivery.verdict()).isEqualTo(ProgressionRule.Verdict.TERMINAL);
        assertThat(f.nudges.get()).as("one nudge per queued change").isEqualTo(3);

        StoredOrder order = f.orders.findById(key).orElseThrow();
        assertThat(order.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(order.statusAt()).isEqualTo(T0.plusSeconds(300));

        List<OutboxEntry> queued = f.outbox.entries(key);
        assertThat(queued).extracting(OutboxEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(queued).extracting(OutboxEntry::status).containsExactly(DeliveryStatus.ACKNOWLEDGED,
                DeliveryStatus.IN_TRANSIT, DeliveryStatus.DELIVERED);
        assertThat(queued).allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxState.PENDING));

        List<OrderEvent> history = f.orders.history(key);
        assertThat(history).filteredOn(e -> e.kind() == OrderEventKind.STATUS_CHANGED).extracting(OrderEvent::deliveryStatus)
                .containsExactly(DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.IN_TRANSIT, DeliveryStatus.DELIVERED);
        assertThat(history).filteredOn(e -> e.kind() == OrderEventKind.STATUS_IGNORED).extracting(OrderEvent::detail)
                .satisfiesExactly(
                        d -> assertThat(d).startsWith("repeat: IN_TRANSIT"),
                        d -> assertThat(d).startsWith("late: ACKNOWLEDGED"),
                        d -> assertThat(d).startsWith("terminal: IN_TRANSIT"));
        assertThat(f.jdbc.queryForList("SELECT status_seq FROM order_event WHERE provider_order_id = ? "
                + "AND kind = 'STATUS_CHANGED' ORDER BY id", Long.class, key)).containsExactly(1L, 2L, 3L);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anIgnoredPollAnswerLeavesNoTraceAndAnotherCarriersOrderIsUnknown(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-R2", "pb");
        int before = f.orders.history(key).size();

        StatusChanges.Recorded poll = f.changes.apply(key, "pb",
                StatusUpdate.of(DeliveryStatus.CREATED, T0.plusSeconds(5), "CREATED"), StatusOrigin.POLL);
        StatusChanges.Recorded other = f.changes.apply(key, "connect",
                StatusUpdate.of(DeliveryStatus.DELIVERED, T0.plusSeconds(5), "x"), StatusOrigin.WEBHOOK);
        StatusChanges.Recorded missing = f.webhook("CG-NOPE", DeliveryStatus.DELIVERED, T0);

        assertThat(poll.outcome()).isEqualTo(StatusChanges.Outcome.IGNORED);
        assertThat(other.outcome()).isEqualTo(StatusChanges.Outcome.UNKNOWN_ORDER);
        assertThat(missing.outcome()).isEqualTo(StatusChanges.Outcome.UNKNOWN_ORDER);
        assertThat(f.orders.history(key)).hasSize(before);
        assertThat(f.outbox.entries(key)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void proofOfDeliveryIsQueuedWithTheChangeButNeverInTheHistory(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-R3", "pb");
        ProofOfDelivery proof = new ProofOfDelivery(null, null, new Signer(Signer.SignerRelation.SPOUSE, "Jane",
                "Joplin", "IL", Signer.IdType.DRIVERS_LICENSE, "D200-3333-4444"), List.of());
        f.changes.apply(key, "pb", new StatusUpdate(DeliveryStatus.DELIVERED, "left with spouse",
                T0.plusSeconds(60), "DLD", proof), StatusOrigin.WEBHOOK);

        String stored = f.jdbc.queryForObject("SELECT proof FROM status_outbox WHERE provider_order_id = ?",
                String.class, key);
        assertThat(stored).contains("Joplin").contains("D200-3333-4444");
        String history = f.jdbc.queryForList("SELECT COALESCE(detail, '') || COALESCE(carrier_code, '') "
                + "FROM order_event WHERE provider_order_id = ?", String.class, key).toString();
        assertThat(history).doesNotContain("Joplin").doesNotContain("Jane").doesNotContain("D200");
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aCancellationIsAStatusChangeQueuedInTheSameTransaction(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-R4", "pb");
        f.webhook(key, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(60));

        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.cancel(key, "pb").outcome()).isEqualTo(StatusChanges.Outcome.APPLIED);
        assertThat(f.cancel(key, "pb").outcome()).as("cancelled once").isEqualTo(StatusChanges.Outcome.IGNORED);
        assertThat(f.orders.findById(key).orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(f.orders.history(key)).filteredOn(e -> e.kind() == OrderEventKind.CANCELLED).hasSize(1);
        StatusChanges.Recorded lateDelivery = f.webhook(key, DeliveryStatus.DELIVERED, f.clock.instant().plusSeconds(60));

        assertThat(f.outbox.entries(key)).extracting(OutboxEntry::seq, OutboxEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, DeliveryStatus.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(2L, DeliveryStatus.CANCELLED));
        assertThat(lateDelivery.verdict()).isEqualTo(ProgressionRule.Verdict.TERMINAL);
        assertThat(f.nudges.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anOrderNeverBookedIsCancelledWithoutACallback(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        f.orders.insertBooking(new com.carriergateway.core.store.NewOrder("CG-R5", StatusFixture.PHARMACY, 77, 1, "h"),
                T0.plusSeconds(60));
        f.orders.markFailed("CG-R5", null, false, OrderEvent.of("CG-R5", OrderEventKind.BOOKING_FAILED, null, null));
        assertThat(f.changes.apply("CG-R5", null, StatusUpdate.of(DeliveryStatus.CANCELLED, T0, null),
                StatusOrigin.CANCELLATION).outcome()).isEqualTo(StatusChanges.Outcome.APPLIED);
        assertThat(f.orders.findById("CG-R5").orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(f.outbox.entries("CG-R5")).isEmpty();
        assertThat(f.nudges.get()).as("nothing queued, nothing to nudge").isZero();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void concurrentEventsForOneOrderGetDistinctConsecutiveSequenceNumbers(Kind kind) throws Exception {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-R6", "pb");
        DeliveryStatus[] path = {DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.PICKED_UP, DeliveryStatus.IN_TRANSIT,
                DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.DELIVERED};
        ExecutorService pool = Executors.newFixedThreadPool(path.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StatusChanges.Recorded>> results = new ArrayList<>();
        for (int i = 0; i < path.length; i++) {
            DeliveryStatus s = path[i];
            int minute = i + 1;
            results.add(pool.submit(() -> {
                go.await();
                return f.webhook(key, s, T0.plusSeconds(60L * minute));
            }));
        }
        go.countDown();
        List<Long> seqs = new ArrayList<>();
        for (Future<StatusChanges.Recorded> r : results) {
            StatusChanges.Recorded recorded = r.get();
            if (recorded.outcome() == StatusChanges.Outcome.APPLIED) {
                seqs.add(recorded.seq());
            }
        }
        pool.shutdown();
        // whatever the interleaving, the applied changes are numbered 1..n without gap or repeat
        assertThat(seqs).isNotEmpty();
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat(f.outbox.entries(key)).hasSize(seqs.size());
        assertThat(f.orders.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }
}
