package com.carriergateway.core.outbox;

import static com.carriergateway.core.status.StatusFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.status.StatusFixture;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox's claims on both databases: per-order order, leases, dead letters, and concurrent claimers. */
class OutboxStoreTest {

    static final Duration LEASE = Duration.ofSeconds(60);

    /** Books {@code orders} orders and gives each {@code changes} applied changes. */
    static List<String> queue(StatusFixture f, int orders, int changes) {
        DeliveryStatus[] path = {DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.PICKED_UP, DeliveryStatus.IN_TRANSIT,
                DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.DELIVERED};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String key = f.book("CG-O" + i, "pb");
            for (int c = 0; c < changes; c++) {
                f.webhook(key, path[c], T0.plusSeconds(60L * (c + 1)));
            }
            keys.add(key);
        }
        return keys;
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void onlyTheLowestUnsentChangeOfEachOrderIsClaimableAndNextOnlyAfterItIsSent(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 2, 3);

        List<ClaimedCallback> first = f.outbox.claim(10, LEASE);
        assertThat(first).extracting(ClaimedCallback::seq).containsExactly(1L, 1L);
        assertThat(first).extracting(ClaimedCallback::bestrxOrderId).containsOnly(123456789L);
        assertThat(first.get(0).trackingId()).isEqualTo("TRK-CG-O0");
        assertThat(f.outbox.claim(10, LEASE)).as("claimed rows are leased, later rows wait behind them").isEmpty();

        assertThat(f.outbox.markSent(first.get(0), 200)).isTrue();
        List<ClaimedCallback> second = f.outbox.claim(10, LEASE);
        assertThat(second).extracting(ClaimedCallback::providerOrderId, ClaimedCallback::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CG-O0", 2L));
        assertThat(f.outbox.markSent(second.get(0), 200)).isTrue();
        assertThat(f.outbox.markSent(second.get(0), 200)).as("a claim is used once").isFalse();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void thePurgeDeletesOnlyRowsSentLongEnoughAgoAndNeverAPendingOrDeadOne(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 3, 2);
        List<ClaimedCallback> firsts = f.outbox.claim(10, LEASE);
        f.outbox.markSent(firsts.get(0), 200);
        f.outbox.markSent(firsts.get(1), 200);
        f.outbox.markFailed(firsts.get(2), "HTTP 400", 400, T0, true);
        f.clock.advance(Duration.ofDays(31));
        ClaimedCallback recent = f.outbox.claim(1, LEASE).get(0);
        f.outbox.markSent(recent, 200);
        OutboxPurge purge = new OutboxPurge(f.outbox, Duration.ofDays(30), f.clock);

        assertThat(purge.purge()).isEqualTo(2);

        assertThat(f.outbox.all()).extracting(OutboxEntry::state).containsExactlyInAnyOrder(
                OutboxState.SENT, OutboxState.PENDING, OutboxState.DEAD, OutboxState.PENDING);
        assertThat(f.outbox.all()).extracting(OutboxEntry::id).contains(recent.id())
                .doesNotContain(firsts.get(0).id(), firsts.get(1).id());
        assertThat(purge.purge()).as("nothing more to delete").isZero();
        assertThat(f.outbox.claim(10, LEASE)).as("the orders' next changes are still claimable")
                .extracting(ClaimedCallback::providerOrderId).containsExactly(firsts.get(1).providerOrderId());
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void rowsOfABatchGivenBackAreClaimableAgainAtOnce(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 3, 2);
        List<ClaimedCallback> batch = f.outbox.claim(10, LEASE);
        assertThat(batch).hasSize(3);
        f.outbox.markSent(batch.get(1), 200);
        f.outbox.markSent(batch.get(2), 200);

        List<ClaimedCallback> nextChanges = f.outbox.claim(10, LEASE);
        assertThat(nextChanges).as("the first order's change #1 is still claimed; the others' #2 are due")
                .extracting(ClaimedCallback::seq).containsExactly(2L, 2L);
        f.outbox.release(nextChanges);
        assertThat(f.outbox.claim(10, LEASE)).as("given back: claimable again without waiting for the lease")
                .extracting(ClaimedCallback::id).containsExactlyElementsOf(nextChanges.stream()
                        .map(ClaimedCallback::id).toList());
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aClaimWhoseLeaseRanOutIsTakenOverAndTheOldClaimCanNoLongerRecord(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 1, 2);
        ClaimedCallback crashed = f.outbox.claim(10, LEASE).get(0);

        f.clock.advance(LEASE.plusSeconds(1));
        ClaimedCallback retaken = f.outbox.claim(10, LEASE).get(0);
        assertThat(retaken.id()).isEqualTo(crashed.id());
        assertThat(retaken.claimToken()).isNotEqualTo(crashed.claimToken());

        assertThat(f.outbox.markSent(crashed, 200)).as("the stale claim records nothing").isFalse();
        assertThat(f.outbox.markSent(retaken, 200)).isTrue();
        assertThat(f.outbox.claim(10, LEASE)).extracting(ClaimedCallback::seq).containsExactly(2L);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aFailedRowWaitsForItsNextAttemptAndADeadLetterBlocksItsOrderUntilReplayed(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 2, 2);
        List<ClaimedCallback> claimed = f.outbox.claim(10, LEASE);
        ClaimedCallback o0 = claimed.get(0);
        ClaimedCallback o1 = claimed.get(1);

        f.outbox.markFailed(o0, "HTTP 503", 503, T0.plusSeconds(30), false);
        f.outbox.markFailed(o1, "HTTP 400", 400, T0.plusSeconds(30), true);
        assertThat(f.outbox.claim(10, LEASE)).as("nothing due before the next attempt").isEmpty();

        f.clock.advance(Duration.ofSeconds(31));
        List<ClaimedCallback> retry = f.outbox.claim(10, LEASE);
        assertThat(retry).extracting(ClaimedCallback::providerOrderId, ClaimedCallback::seq, ClaimedCallback::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CG-O0", 1L, 1));
        f.outbox.markSent(retry.get(0), 200);
        assertThat(f.outbox.claim(10, LEASE)).as("CG-O1's change #2 waits behind its dead letter")
                .extracting(ClaimedCallback::providerOrderId).containsExactly("CG-O0");

        assertThat(f.outbox.deadLetters(10)).extracting(OutboxEntry::providerOrderId, OutboxEntry::seq,
                OutboxEntry::attempts, OutboxEntry::lastError, OutboxEntry::lastHttpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CG-O1", 1L, 1, "HTTP 400", 400));
        assertThat(f.outbox.depth().dead()).isEqualTo(1);
        assertThat(f.orders.history("CG-O1")).extracting(OrderEvent::kind).contains(OrderEventKind.CALLBACK_DEAD_LETTERED);

        assertThat(f.outbox.replayOrder("CG-O1")).isEqualTo(1);
        assertThat(f.outbox.replayOrder("CG-O1")).as("nothing dead any more").isZero();
        List<ClaimedCallback> replayed = f.outbox.claim(10, LEASE).stream()
                .filter(c -> c.providerOrderId().equals("CG-O1")).toList();
        assertThat(replayed).extracting(ClaimedCallback::seq, ClaimedCallback::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0));
        assertThat(replayed.get(0).budgetFrom()).isEqualTo(f.clock.instant());
        assertThat(f.orders.history("CG-O1")).extracting(OrderEvent::kind).contains(OrderEventKind.CALLBACK_REPLAYED);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void sendingErasesTheProofOfDelivery(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        String key = f.book("CG-P", "pb");
        f.changes.apply(key, "pb", new com.carriergateway.adapter.model.StatusUpdate(DeliveryStatus.DELIVERED, null,
                        T0.plusSeconds(60), "DLD", new com.carriergateway.adapter.model.ProofOfDelivery("aGk=", null,
                        null, List.of())), com.carriergateway.core.status.StatusOrigin.WEBHOOK);
        ClaimedCallback row = f.outbox.claim(1, LEASE).get(0);
        assertThat(row.proofJson()).contains("aGk=");
        f.outbox.markSent(row, 200);
        assertThat(f.jdbc.queryForObject("SELECT proof FROM status_outbox WHERE id = ?", String.class, row.id())).isNull();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aClaimerSkipsRowsAnotherHoldsLockedInsteadOfWaiting(Kind kind) throws Exception {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 4, 1);
        long lockedId = f.jdbc.queryForObject("SELECT MIN(id) FROM status_outbox", Long.class);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection holder = f.dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM status_outbox WHERE id = " + lockedId + " FOR UPDATE").close();
            }
            // claimed from another thread: a claimer that waited for the lock would never finish here
            Future<List<ClaimedCallback>> claim = other.submit(() -> f.outbox.claim(10, LEASE));
            List<ClaimedCallback> got = claim.get(20, TimeUnit.SECONDS);
            assertThat(got).hasSize(3).extracting(ClaimedCallback::id).doesNotContain(lockedId);
            holder.rollback();
        } finally {
            other.shutdownNow();
        }
        assertThat(f.outbox.claim(10, LEASE)).extracting(ClaimedCallback::id).containsExactly(lockedId);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void twoConcurrentClaimersNeverClaimTheSameRowNorTwoChangesOfOneOrder(Kind kind) throws Exception {
        StatusFixture f = new StatusFixture(kind);
        queue(f, 30, 3);
        int claimers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        Set<String> inFlight = Collections.synchronizedSet(new HashSet<>());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < claimers; c++) {
            runs.add(pool.submit(() -> {
                go.await();
                int idle = 0;
                while (idle < 3) {
                    List<ClaimedCallback> batch = f.outbox.claim(7, LEASE);
                    if (batch.isEmpty()) {
                        idle++;
                        Thread.sleep(20);
                        continue;
                    }
                    idle = 0;
                    for (ClaimedCallback row : batch) {
                        if (!inFlight.add(row.providerOrderId())) {
                            violations.add("two changes of " + row.providerOrderId() + " in flight");
                        }
                    }
                    for (ClaimedCallback row : batch) {
                        sent.add(row.providerOrderId() + "#" + row.seq());
                        inFlight.remove(row.providerOrderId());
                        if (!f.outbox.markSent(row, 200)) {
                            violations.add("claim of " + row.id() + " lost");
                        }
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> r : runs) {
            r.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(violations).isEmpty();
        assertThat(sent).hasSize(90).doesNotHaveDuplicates();
        for (int i = 0; i < 30; i++) {
            String key = "CG-O" + i;
            assertThat(sent.stream().filter(s -> s.startsWith(key + "#")).toList()).as(key)
                    .containsExactly(key + "#1", key + "#2", key + "#3");
        }
        assertThat(f.outbox.depth().pending()).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aPharmacysDeadLettersAreReplayedOrderByOrderAndItsDeliveriesSummedUp(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        List<String> keys = queue(f, 3, 2);
        List<ClaimedCallback> firsts = f.outbox.claim(10, LEASE);
        f.outbox.markFailed(firsts.get(0), "HTTP 503", 503, T0, true);
        f.outbox.markFailed(firsts.get(1), "HTTP 503", 503, T0, true);
        f.outbox.markFailed(firsts.get(2), "HTTP 503", 503, T0.plusSeconds(30), false);

        PharmacyDeliveries before = f.outbox.deliveriesByPharmacy().get(0);
        assertThat(before.pharmacyId()).isEqualTo(StatusFixture.PHARMACY);
        assertThat(before.dead()).isEqualTo(2);
        assertThat(before.retrying()).isEqualTo(1);
        assertThat(before.pending()).as("the orders' second changes").isEqualTo(3);
        assertThat(f.outbox.unsent(StatusFixture.PHARMACY, 100)).hasSize(6);

        assertThat(f.outbox.replayPharmacy("another-pharmacy")).isZero();
        assertThat(new DeadLetterReplay(f.outbox, f.nudges::incrementAndGet).ofPharmacy(StatusFixture.PHARMACY))
                .isEqualTo(2);
        assertThat(f.nudges.get()).isPositive();
        assertThat(f.outbox.deliveriesByPharmacy().get(0).dead()).isZero();
        for (String key : keys.subList(0, 2)) {
            assertThat(f.orders.history(key)).extracting(OrderEvent::kind)
                    .contains(OrderEventKind.CALLBACK_REPLAYED);
        }
    }
}
