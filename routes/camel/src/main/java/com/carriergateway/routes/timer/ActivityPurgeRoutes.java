package com.carriergateway.routes.timer;

import com.carriergateway.core.activity.ActivityPurge;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Wakes the activity record's purge every {@code gateway.activity.purge-interval} (first a minute after start). It
 * only wakes the purge's own thread, so no exchange (nor a shutdown) waits on the deletes.
 */
public class ActivityPurgeRoutes extends RouteBuilder {

    private final ActivityPurge purge;
    private final Duration interval;

    public ActivityPurgeRoutes(ActivityPurge purge, Duration interval) {
        this.purge = purge;
        this.interval = interval;
    }

    @Override
    public void configure() {
        long every = Math.max(1000, interval.toMillis());
        from("timer:activity-purge?delay=60000&period=" + every).routeId("activity-purge")
                .process(e -> purge.wake());
    }
}
