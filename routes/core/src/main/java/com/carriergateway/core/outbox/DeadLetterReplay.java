package com.carriergateway.core.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's replay of dead-lettered callbacks, whichever screen or endpoint asked for it: back to the queue
 * ({@link OutboxStore}, which notes each in the order's history), then a nudge so they go out at once. One place,
 * so the admin API and the console replay the same way.
 */
public final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final OutboxStore outbox;
    private final Runnable nudge;

    public DeadLetterReplay(OutboxStore outbox, Runnable nudge) {
        this.outbox = outbox;
        this.nudge = nudge;
    }

    /** One dead letter; false when it is not one. */
    public boolean one(long callbackId) {
        boolean replayed = outbox.replay(callbackId);
        if (replayed) {
            log.info("operator replayed dead callback {}", callbackId);
            nudge.run();
        }
        return replayed;
    }

    /** Every dead letter of the order, in sequence; how many. */
    public int ofOrder(String providerOrderId) {
        int replayed = outbox.replayOrder(providerOrderId);
        log.info("operator replayed {} dead callback(s) of order {}", replayed, providerOrderId);
        if (replayed > 0) {
            nudge.run();
        }
        return replayed;
    }

    /** Every dead letter of the pharmacy, each order's in sequence; how many. */
    public int ofPharmacy(String pharmacyId) {
        int replayed = outbox.replayPharmacy(pharmacyId);
        log.info("operator replayed {} dead callback(s) of pharmacy {}", replayed, pharmacyId);
        if (replayed > 0) {
            nudge.run();
        }
        return replayed;
    }
}
