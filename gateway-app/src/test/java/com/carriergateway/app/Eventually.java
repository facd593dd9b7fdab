package com.carriergateway.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (a callback, a webhook) to have happened; fails after the timeout. */
final class Eventually {

    private Eventually() {
    }

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
