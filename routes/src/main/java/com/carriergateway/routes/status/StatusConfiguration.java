package com.carriergateway.routes.status;

import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.config.GatewayProperties;
import com.carriergateway.routes.outbox.BestRxCallbackWriter;
import com.carriergateway.routes.outbox.CallbackTransport;
import com.carriergateway.routes.outbox.CamelCallbackTransport;
import com.carriergateway.routes.outbox.OutboxDispatchRoutes;
import com.carriergateway.routes.outbox.OutboxDispatcher;
import com.carriergateway.routes.outbox.OutboxMetrics;
import com.carriergateway.routes.outbox.OutboxNudge;
import com.carriergateway.routes.outbox.OutboxProperties;
import com.carriergateway.routes.outbox.OutboxPurge;
import com.carriergateway.routes.outbox.OutboxStore;
import com.carriergateway.routes.outbox.RetrySchedule;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.routing.PharmacyAccount;
import com.carriergateway.routes.routing.PharmacyDirectory;
import com.carriergateway.routes.store.OrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status pipeline's wiring: carrier statuses in (webhooks {@code POST /webhooks/{carrierId}}, polling), the
 * progression rule, and UpdateOrderStatus callbacks out through the outbox. Needs the routes module's beans
 * (order store, carrier registry, pharmacy directory), a {@link MeterRegistry} and Camel.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StatusProperties.class, OutboxProperties.class})
public class StatusConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StatusConfiguration.class);

    @Bean
    StatusMetrics statusMetrics(MeterRegistry meters) {
        return new StatusMetrics(meters);
    }

    @Bean
    StatusStore statusStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        return new StatusStore(jdbc, tx, clock);
    }

    @Bean
    OutboxStore outboxStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        return new OutboxStore(jdbc, tx, clock);
    }

    @Bean
    OutboxNudge outboxNudge(OutboxDispatcher dispatcher, OutboxProperties props) {
        return new OutboxNudge(dispatcher, props.isEnabled());
    }

    @Bean
    StatusRecorder statusRecorder(StatusStore store, OutboxStore outbox, Clock clock, OutboxNudge nudge,
                                  OrderStore orders) {
        // cancellations queue their push inside OrderStore: they nudge the dispatcher too
        orders.onStatusQueued(nudge);
        return new StatusRecorder(store, outbox, clock, nudge);
    }

    @Bean
    WebhookDirectory webhookDirectory(Environment env, CarrierRegistry carriers) {
        Map<String, WebhookSettings> config = Binder.get(env)
                .bind("gateway.webhooks", Bindable.mapOf(String.class, WebhookSettings.class))
                .orElse(Map.of());
        return WebhookDirectory.fromConfiguration(config, carriers);
    }

    @Bean
    WebhookIntake webhookIntake(OrderStore orders, StatusRecorder recorder, StatusMetrics metrics) {
        return new WebhookIntake(orders, recorder, metrics);
    }

    @Bean
    WebhookErrorHandling webhookErrorHandling(StatusMetrics metrics) {
        return new WebhookErrorHandling(metrics);
    }

    @Bean
    CarrierWebhookRestApi carrierWebhookRestApi() {
        return new CarrierWebhookRestApi();
    }

    @Bean
    CarrierWebhookRoute carrierWebhookRoute(WebhookDirectory directory, WebhookIntake intake, StatusMetrics metrics) {
        return new CarrierWebhookRoute(directory, intake, metrics);
    }

    @Bean
    StatusPoller statusPoller(StatusStore store, StatusRecorder recorder, CarrierRegistry carriers,
                              StatusProperties props, StatusMetrics metrics, Clock clock) {
        return new StatusPoller(store, recorder, carriers, props.getPoll(), metrics, clock);
    }

    @Bean
    StatusPollRoutes statusPollRoutes(StatusPoller poller, CarrierRegistry carriers, StatusProperties props) {
        return new StatusPollRoutes(poller, carriers, props.getPoll());
    }

    @Bean
    BestRxCallbackWriter bestRxCallbackWriter(BestRxProperties props) {
        return new BestRxCallbackWriter(props);
    }

    @Bean
    CallbackTransport callbackTransport(ProducerTemplate template) {
        return new CamelCallbackTransport(template);
    }

    @Bean(destroyMethod = "close")
    OutboxDispatcher outboxDispatcher(OutboxStore store, BestRxCallbackWriter writer, CallbackTransport transport,
                                      PharmacyDirectory pharmacies, GatewayProperties gateway, OutboxProperties props,
                                      Clock clock, MeterRegistry meters) {
        gateway.getPharmacies().forEach((id, p) -> {
            GatewayProperties.Callback cb = p.getCallback();
            if (cb.getUrl() == null || cb.getUrl().isBlank()) {
                log.warn("gateway.pharmacies.{}.callback.url is not set: its status callbacks will wait, then "
                        + "become dead letters", id);
            } else if (cb.getTimeout() != null
                    && cb.getTimeout().compareTo(props.getClaimLease().dividedBy(2)) >= 0) {
                // a sender starts a send up to half the lease after its claim: it must end within the other half
                throw new IllegalStateException("gateway.pharmacies." + id + ".callback.timeout (" + cb.getTimeout()
                        + ") must be shorter than half of gateway.outbox.claim-lease (" + props.getClaimLease()
                        + "), or a slow callback could be sent twice");
            }
        });
        return new OutboxDispatcher(store, writer, transport,
                id -> pharmacies.byId(id).map(PharmacyAccount::callback).orElse(null),
                RetrySchedule.of(props), props, clock, meters);
    }

    @Bean(destroyMethod = "close")
    OutboxMetrics outboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
        return new OutboxMetrics(store, clock, meters);
    }

    @Bean(destroyMethod = "close")
    OutboxPurge outboxPurge(OutboxStore store, OutboxProperties props, Clock clock) {
        return new OutboxPurge(store, props.getKeepSent(), clock);
    }

    @Bean
    OutboxDispatchRoutes outboxDispatchRoutes(OutboxDispatcher dispatcher, OutboxMetrics metrics, OutboxPurge purge,
                                              OutboxProperties props) {
        return new OutboxDispatchRoutes(dispatcher, metrics, purge, props);
    }
}
