package com.carriergateway.app.wiring;

import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.core.activity.ActivityLog;
import com.carriergateway.core.activity.ActivityProperties;
import com.carriergateway.core.activity.ActivityPurge;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.order.BookOrder;
import com.carriergateway.core.order.CancelOrder;
import com.carriergateway.core.order.FirstAnswer;
import com.carriergateway.core.order.ValidateAddress;
import com.carriergateway.core.outbox.CallbackSender;
import com.carriergateway.core.outbox.OutboxDispatcher;
import com.carriergateway.core.outbox.OutboxMetrics;
import com.carriergateway.core.outbox.OutboxProperties;
import com.carriergateway.core.outbox.OutboxPurge;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyRateLimits;
import com.carriergateway.core.status.CarrierStatusIntake;
import com.carriergateway.core.status.StatusMetrics;
import com.carriergateway.core.status.StatusPoller;
import com.carriergateway.core.status.StatusProperties;
import com.carriergateway.routes.bestrx.BestRxCallbackWriter;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.bestrx.CreateOrderResponse;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.routes.callback.BestRxCallbackSender;
import com.carriergateway.routes.callback.CallbackTransport;
import com.carriergateway.routes.callback.CamelCallbackTransport;
import com.carriergateway.routes.flow.AnswerWriter;
import com.carriergateway.routes.flow.BestRxErrorHandling;
import com.carriergateway.routes.flow.CancelOrderRoute;
import com.carriergateway.routes.flow.CreateOrderRoute;
import com.carriergateway.routes.flow.InboundRequest;
import com.carriergateway.routes.flow.ValidateAddressRoute;
import com.carriergateway.routes.rest.BestRxRestApi;
import com.carriergateway.routes.rest.CarrierWebhookRestApi;
import com.carriergateway.routes.timer.ActivityPurgeRoutes;
import com.carriergateway.routes.timer.OutboxDispatchRoutes;
import com.carriergateway.routes.timer.StatusPollRoutes;
import com.carriergateway.routes.webhook.CarrierWebhookRoute;
import com.carriergateway.routes.webhook.WebhookDirectory;
import com.carriergateway.routes.webhook.WebhookErrorHandling;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The edge's objects: Camel's REST DSL and the flows behind it, BestRx's shapes, the carrier webhook intake, the
 * UpdateOrderStatus transport, and the timers. Nothing here decides anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BestRxProperties.class)
public class EdgeConfiguration {

    // --- BestRx shapes

    @Bean
    EnvelopeWriter envelopeWriter(BestRxProperties props) {
        return new EnvelopeWriter(props);
    }

    @Bean
    FirstAnswer createOrderResponse(BestRxProperties props, EnvelopeWriter envelopes) {
        return new CreateOrderResponse(props, envelopes);
    }

    @Bean
    AnswerWriter answerWriter(EnvelopeWriter envelopes) {
        return new AnswerWriter(envelopes);
    }

    // --- the BestRx provider API

    @Bean
    BestRxRestApi bestRxRestApi(BestRxProperties props, EnvelopeWriter envelopes) {
        return new BestRxRestApi(props.getPathPrefix(), envelopes);
    }

    @Bean
    BestRxErrorHandling bestRxErrorHandling(AnswerWriter answers) {
        return new BestRxErrorHandling(answers);
    }

    @Bean
    InboundRequest inboundRequest(PharmacyDirectory pharmacies, PharmacyRateLimits rateLimits) {
        return new InboundRequest(pharmacies, rateLimits);
    }

    @Bean
    CreateOrderRoute createOrderRoute(InboundRequest inbound, BookOrder bookOrder, AnswerWriter answers, Clock clock) {
        return new CreateOrderRoute(inbound, bookOrder, answers, clock);
    }

    @Bean
    CancelOrderRoute cancelOrderRoute(InboundRequest inbound, CancelOrder cancelOrder, AnswerWriter answers) {
        return new CancelOrderRoute(inbound, cancelOrder, answers);
    }

    @Bean
    ValidateAddressRoute validateAddressRoute(InboundRequest inbound, ValidateAddress validateAddress,
                                              AnswerWriter answers) {
        return new ValidateAddressRoute(inbound, validateAddress, answers);
    }

    // --- carrier webhooks

    @Bean
    WebhookDirectory webhookDirectory(Environment env, CarrierRegistry carriers) {
        Map<String, WebhookSettings> config = Binder.get(env)
                .bind("gateway.webhooks", Bindable.mapOf(String.class, WebhookSettings.class))
                .orElse(Map.of());
        return WebhookDirectory.fromConfiguration(config, carriers);
    }

    @Bean
    CarrierWebhookRestApi carrierWebhookRestApi(WebhookDirectory directory) {
        return new CarrierWebhookRestApi(directory);
    }

    @Bean
    WebhookErrorHandling webhookErrorHandling(WebhookDirectory directory, StatusMetrics metrics, ActivityLog activity) {
        return new WebhookErrorHandling(directory, metrics, activity::webhook);
    }

    @Bean
    CarrierWebhookRoute carrierWebhookRoute(WebhookDirectory directory, CarrierStatusIntake intake,
                                            StatusMetrics metrics, ActivityLog activity) {
        return new CarrierWebhookRoute(directory, intake, metrics, activity::webhook);
    }

    // --- UpdateOrderStatus out, and the timers

    @Bean
    BestRxCallbackWriter bestRxCallbackWriter(BestRxProperties props) {
        return new BestRxCallbackWriter(props);
    }

    @Bean
    CallbackTransport callbackTransport(ProducerTemplate template) {
        return new CamelCallbackTransport(template);
    }

    @Bean
    CallbackSender callbackSender(BestRxCallbackWriter writer, CallbackTransport transport) {
        return new BestRxCallbackSender(writer, transport);
    }

    @Bean
    OutboxDispatchRoutes outboxDispatchRoutes(OutboxDispatcher dispatcher, OutboxMetrics metrics, OutboxPurge purge,
                                              OutboxProperties props) {
        return new OutboxDispatchRoutes(dispatcher, metrics, purge, props);
    }

    @Bean
    ActivityPurgeRoutes activityPurgeRoutes(ActivityPurge purge, ActivityProperties props) {
        return new ActivityPurgeRoutes(purge, props.getPurgeInterval());
    }

    @Bean
    StatusPollRoutes statusPollRoutes(StatusPoller poller, CarrierRegistry carriers, StatusProperties props) {
        return new StatusPollRoutes(poller, carriers, props.getPoll());
    }
}
