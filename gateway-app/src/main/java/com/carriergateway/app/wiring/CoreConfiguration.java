package com.carriergateway.app.wiring;

import com.carriergateway.core.activity.ActivityLog;
import com.carriergateway.core.activity.ActivityProperties;
import com.carriergateway.core.activity.ActivityPurge;
import com.carriergateway.core.activity.ActivityStore;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.ResilienceProperties;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.order.BookOrder;
import com.carriergateway.core.order.CancelOrder;
import com.carriergateway.core.order.FirstAnswer;
import com.carriergateway.core.order.OrderMetrics;
import com.carriergateway.core.order.ReconcileBooking;
import com.carriergateway.core.order.ValidateAddress;
import com.carriergateway.core.outbox.CallbackSender;
import com.carriergateway.core.outbox.DeadLetterReplay;
import com.carriergateway.core.outbox.OutboxDispatcher;
import com.carriergateway.core.outbox.OutboxMetrics;
import com.carriergateway.core.outbox.OutboxNudge;
import com.carriergateway.core.outbox.OutboxProperties;
import com.carriergateway.core.outbox.OutboxPurge;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.outbox.RetrySchedule;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyRateLimits;
import com.carriergateway.core.routing.CarrierRouter;
import com.carriergateway.core.status.CarrierStatusIntake;
import com.carriergateway.core.status.StatusChanges;
import com.carriergateway.core.status.StatusMetrics;
import com.carriergateway.core.status.StatusPoller;
import com.carriergateway.core.status.StatusProperties;
import com.carriergateway.core.status.StatusStore;
import com.carriergateway.core.store.OrderHistory;
import com.carriergateway.core.store.OrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The domain core's objects, plain Java, wired to configuration ({@code gateway.*}), the data source and the edge's
 * ports (the first answer's shape, the callback sender). Nothing here decides anything.
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CoreConfiguration.class);

    @Bean
    @ConfigurationProperties("gateway")
    GatewayProperties gatewayProperties() {
        return new GatewayProperties();
    }

    @Bean
    @ConfigurationProperties("gateway.resilience")
    ResilienceProperties resilienceProperties() {
        return new ResilienceProperties();
    }

    @Bean
    @ConfigurationProperties("gateway.status")
    StatusProperties statusProperties() {
        return new StatusProperties();
    }

    @Bean
    @ConfigurationProperties("gateway.outbox")
    OutboxProperties outboxProperties() {
        return new OutboxProperties();
    }

    @Bean
    @ConfigurationProperties("gateway.activity")
    ActivityProperties activityProperties() {
        return new ActivityProperties();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    // --- pharmacies and routing

    @Bean
    PharmacyDirectory pharmacyDirectory(GatewayProperties props, CarrierRegistry carriers) {
        return PharmacyDirectory.fromConfiguration(props.getPharmacies(), carriers);
    }

    @Bean
    PharmacyRateLimits pharmacyRateLimits(GatewayProperties props) {
        return new PharmacyRateLimits(p -> {
            Integer own = props.getPharmacies().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(p.pharmacyId()))
                    .map(e -> e.getValue().getRequestsPerSecond()).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            return own != null ? own : props.getRateLimit().getRequestsPerSecond();
        });
    }

    @Bean
    CarrierRouter carrierRouter(CarrierRegistry carriers, Clock clock) {
        return new CarrierRouter(carriers, clock);
    }

    // --- persistence

    @Bean
    OrderHistory orderHistory(JdbcTemplate jdbc, Clock clock) {
        return new OrderHistory(jdbc, clock);
    }

    @Bean
    OrderStore orderStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        return new OrderStore(jdbc, tx, clock, history);
    }

    @Bean
    StatusStore statusStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        return new StatusStore(jdbc, tx, clock, history);
    }

    @Bean
    OutboxStore outboxStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        return new OutboxStore(jdbc, tx, clock, history);
    }

    // --- the activity record the console reads (carrier calls, webhook receipts, callback attempts)

    @Bean
    ActivityStore activityStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new ActivityStore(jdbc, tx);
    }

    @Bean(destroyMethod = "close")
    ActivityLog activityLog(ActivityStore store, ActivityProperties props, MeterRegistry meters) {
        return new ActivityLog(store, props, meters);
    }

    @Bean(destroyMethod = "close")
    ActivityPurge activityPurge(ActivityStore store, ActivityProperties props, Clock clock) {
        return new ActivityPurge(store, props.getKeep(), clock);
    }

    // --- use cases

    @Bean
    BookOrder bookOrder(OrderStore store, CarrierRegistry carriers, CarrierRouter router, FirstAnswer firstAnswer,
                        GatewayProperties props, ResilienceProperties resilience, Clock clock, MeterRegistry meters) {
        return new BookOrder(store, carriers, router, firstAnswer, props.getOrders(), resilience, clock,
                new OrderMetrics(meters));
    }

    @Bean
    CancelOrder cancelOrder(OrderStore store, StatusChanges changes, CarrierRegistry carriers, Clock clock) {
        return new CancelOrder(store, changes, carriers, clock);
    }

    @Bean
    ValidateAddress validateAddress(CarrierRegistry carriers, CarrierRouter router) {
        return new ValidateAddress(carriers, router);
    }

    // --- status changes in, callbacks out

    @Bean
    StatusMetrics statusMetrics(MeterRegistry meters) {
        return new StatusMetrics(meters);
    }

    @Bean
    OutboxNudge outboxNudge(OutboxDispatcher dispatcher, OutboxProperties props) {
        return new OutboxNudge(dispatcher, props.isEnabled());
    }

    @Bean
    StatusChanges statusChanges(StatusStore store, OutboxStore outbox, Clock clock, OutboxNudge nudge) {
        return new StatusChanges(store, outbox, clock, nudge);
    }

    @Bean
    CarrierStatusIntake carrierStatusIntake(OrderStore orders, StatusChanges changes, StatusMetrics metrics) {
        return new CarrierStatusIntake(orders, changes, metrics);
    }

    @Bean
    StatusPoller statusPoller(StatusStore store, StatusChanges changes, CarrierRegistry carriers,
                              StatusProperties props, StatusMetrics metrics, Clock clock) {
        return new StatusPoller(store, changes, carriers, props.getPoll(), metrics, clock);
    }

    @Bean(destroyMethod = "close")
    OutboxDispatcher outboxDispatcher(OutboxStore store, CallbackSender sender, PharmacyDirectory pharmacies,
                                      GatewayProperties gateway, OutboxProperties props, Clock clock,
                                      MeterRegistry meters, ActivityLog activity) {
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
        return new OutboxDispatcher(store, sender,
                id -> pharmacies.byId(id).map(PharmacyAccount::callback).orElse(null),
                RetrySchedule.of(props), props, clock, meters, activity::callbackAttempt);
    }

    @Bean
    ReconcileBooking reconcileBooking(OrderStore orders) {
        return new ReconcileBooking(orders);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(OutboxStore outbox, OutboxNudge nudge) {
        return new DeadLetterReplay(outbox, nudge);
    }

    @Bean(destroyMethod = "close")
    OutboxMetrics outboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
        return new OutboxMetrics(store, clock, meters);
    }

    @Bean(destroyMethod = "close")
    OutboxPurge outboxPurge(OutboxStore store, OutboxProperties props, Clock clock) {
        return new OutboxPurge(store, props.getKeepSent(), clock);
    }
}
