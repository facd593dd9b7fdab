package com.carriergateway.routes;

import com.carriergateway.routes.api.AnswerWriter;
import com.carriergateway.routes.api.BestRxErrorHandling;
import com.carriergateway.routes.api.BestRxRestApi;
import com.carriergateway.routes.api.CancelOrderRoute;
import com.carriergateway.routes.api.CreateOrderRoute;
import com.carriergateway.routes.api.InboundRequest;
import com.carriergateway.routes.api.ValidateAddressRoute;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.bestrx.CreateOrderResponse;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.carrier.ResilienceProperties;
import com.carriergateway.routes.config.GatewayProperties;
import com.carriergateway.routes.order.AddressValidation;
import com.carriergateway.routes.order.OrderBooking;
import com.carriergateway.routes.order.OrderCancellation;
import com.carriergateway.routes.routing.CarrierRouter;
import com.carriergateway.routes.routing.PharmacyDirectory;
import com.carriergateway.routes.routing.PharmacyRateLimits;
import com.carriergateway.routes.store.OrderStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routes module's own wiring: its flows, their services and the order store. The application supplies
 * configuration, the data source and the {@link CarrierRegistry}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, BestRxProperties.class, ResilienceProperties.class})
public class RoutesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PharmacyDirectory pharmacyDirectory(GatewayProperties props, CarrierRegistry carriers) {
        return PharmacyDirectory.fromConfiguration(props.getPharmacies(), carriers);
    }

    @Bean
    OrderStore orderStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        return new OrderStore(jdbc, tx, clock);
    }

    @Bean
    CarrierRouter carrierRouter(CarrierRegistry carriers, Clock clock) {
        return new CarrierRouter(carriers, clock);
    }

    @Bean
    OrderBooking orderBooking(OrderStore store, CarrierRegistry carriers, GatewayProperties props,
                              ResilienceProperties resilience, Clock clock) {
        return new OrderBooking(store, carriers, props.getOrders(), resilience, clock);
    }

    @Bean
    OrderCancellation orderCancellation(OrderStore store, CarrierRegistry carriers, Clock clock) {
        return new OrderCancellation(store, carriers, clock);
    }

    @Bean
    AddressValidation addressValidation(CarrierRegistry carriers, CarrierRouter router) {
        return new AddressValidation(carriers, router);
    }

    @Bean
    EnvelopeWriter envelopeWriter(BestRxProperties props) {
        return new EnvelopeWriter(props);
    }

    @Bean
    AnswerWriter answerWriter(EnvelopeWriter envelopes) {
        return new AnswerWriter(envelopes);
    }

    @Bean
    PharmacyRateLimits pharmacyRateLimits(GatewayProperties props) {
        return new PharmacyRateLimits(p -> {
            Integer own = props.getPharmacies().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(p.pharmacyId()))
                    .map(e -> e.getValue().getRequestsPerSecond()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            return own != null ? own : props.getRateLimit().getRequestsPerSecond();
        });
    }

    @Bean
    InboundRequest inboundRequest(PharmacyDirectory pharmacies, PharmacyRateLimits rateLimits) {
        return new InboundRequest(pharmacies, rateLimits);
    }

    @Bean
    BestRxErrorHandling bestRxErrorHandling(AnswerWriter answers) {
        return new BestRxErrorHandling(answers);
    }

    @Bean
    BestRxRestApi bestRxRestApi(BestRxProperties props) {
        return new BestRxRestApi(props.getPathPrefix());
    }

    @Bean
    CreateOrderRoute createOrderRoute(InboundRequest inbound, OrderBooking booking, CarrierRouter router,
                                      BestRxProperties props, AnswerWriter answers, Clock clock) {
        return new CreateOrderRoute(inbound, booking, router, new CreateOrderResponse(props), answers, clock);
    }

    @Bean
    CancelOrderRoute cancelOrderRoute(InboundRequest inbound, OrderCancellation cancellation, AnswerWriter answers) {
        return new CancelOrderRoute(inbound, cancellation, answers);
    }

    @Bean
    ValidateAddressRoute validateAddressRoute(InboundRequest inbound, AddressValidation validation,
                                              AnswerWriter answers) {
        return new ValidateAddressRoute(inbound, validation, answers);
    }
}
