package com.carriergateway.routes.timer;

import com.carriergateway.core.status.StatusPoller;
import com.carriergateway.core.status.StatusProperties;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.core.carrier.CarrierRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timer route per carrier that offers GET_STATUS ({@code status-poll-<carrierId>}), waking every
 * {@code gateway.status.poll.interval} to poll that carrier's due orders. Every instance runs them; the database
 * lease decides who polls which order.
 */
public class StatusPollRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(StatusPollRoutes.class);

    private final StatusPoller poller;
    private final CarrierRegistry carriers;
    private final StatusProperties.Poll props;

    public StatusPollRoutes(StatusPoller poller, CarrierRegistry carriers, StatusProperties.Poll props) {
        this.poller = poller;
        this.carriers = carriers;
        this.props = props;
    }

    @Override
    public void configure() {
        long period = Math.max(1000, props.getInterval().toMillis());
        long delay = Math.max(0, props.getInitialDelay().toMillis());
        for (var configured : carriers.all().entrySet()) {
            String id = configured.getKey();
            CarrierAdapter carrier = configured.getValue();
            if (!carrier.capabilities().contains(Operation.GET_STATUS)
                    || (!props.getCarriers().isEmpty() && !props.getCarriers().contains(id))) {
                continue;
            }
            from("timer:status-poll-" + id + "?delay=" + delay + "&period=" + period).routeId("status-poll-" + id)
                    .autoStartup(props.isEnabled())
                    .process(e -> pollDue(id));
        }
    }

    private void pollDue(String carrierId) {
        try {
            poller.pollDue(carrierId);
        } catch (RuntimeException e) {
            log.warn("{} status poll round failed: {}", carrierId, e.getClass().getName());
        }
    }
}
