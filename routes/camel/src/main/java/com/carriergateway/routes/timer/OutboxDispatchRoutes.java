package com.carriergateway.routes.timer;

import com.carriergateway.core.outbox.OutboxDispatcher;
import com.carriergateway.core.outbox.OutboxProperties;
import com.carriergateway.core.outbox.OutboxMetrics;
import com.carriergateway.core.outbox.OutboxPurge;

import org.apache.camel.builder.RouteBuilder;

/**
 * When the dispatcher runs besides the nudge after each commit: on a timer ({@code gateway.outbox.dispatch-interval};
 * off with {@code gateway.outbox.enabled=false}). The gauges are refreshed on their own timer, and sent rows are
 * purged on a third ({@code gateway.outbox.purge-interval}). All only wake their background thread: the work runs there, so no exchange (nor a shutdown) waits on the database or BestRx.
 */
public class OutboxDispatchRoutes extends RouteBuilder {

    private final OutboxDispatcher dispatch;
    private final OutboxMetrics gauges;
    private final OutboxPurge purge;
    private final OutboxProperties props;

    public OutboxDispatchRoutes(OutboxDispatcher dispatch, OutboxMetrics gauges, OutboxPurge purge,
                                OutboxProperties props) {
        this.dispatch = dispatch;
        this.gauges = gauges;
        this.purge = purge;
        this.props = props;
    }

    @Override
    public void configure() {
        long interval = Math.max(100, props.getDispatchInterval().toMillis());
        from("timer:outbox-dispatch?delay=" + interval + "&period=" + interval).routeId("outbox-dispatch")
                .autoStartup(props.isEnabled())
                .process(e -> dispatch.wake());
        long refresh = Math.max(1000, props.getMetricsInterval().toMillis());
        from("timer:outbox-metrics?delay=1000&period=" + refresh).routeId("outbox-metrics")
                .process(e -> gauges.wake());
        long purgeEvery = Math.max(1000, props.getPurgeInterval().toMillis());
        from("timer:outbox-purge?delay=60000&period=" + purgeEvery).routeId("outbox-purge")
                .autoStartup(props.isEnabled())
                .process(e -> purge.wake());
    }
}
