package com.carriergateway.core.outbox;

/**
 * Wakes this instance's dispatcher right after a change was committed (or replayed), so its callback goes out
 * without waiting for the next timer round. Nudges coalesce. Does nothing when this instance does not dispatch
 * ({@code gateway.outbox.enabled=false}): another instance's timer picks the change up.
 */
public final class OutboxNudge implements Runnable {

    private final OutboxDispatcher dispatch;
    private final boolean enabled;

    public OutboxNudge(OutboxDispatcher dispatch, boolean enabled) {
        this.dispatch = dispatch;
        this.enabled = enabled;
    }

    @Override
    public void run() {
        if (enabled) {
            dispatch.wake();
        }
    }
}
