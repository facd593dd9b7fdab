package com.carriergateway.adapter.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Virtual time for polling: sleeping advances it and is recorded, so schedules are checked without waiting. */
final class VirtualPacer implements RequestResourcePoller.Pacer {

    final List<Duration> sleeps = new ArrayList<>();
    private long nanos;

    void reset() {
        sleeps.clear();
        nanos = 0;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }
}
