package com.carriergateway.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.order.BookOrder;
import com.carriergateway.core.order.CreateOrderAnswer;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyRateLimits;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The CreateOrder route on Camel alone (no servlet, no database, the use case a mock): a BestRx request walks
 * authenticate → read → book → answer with a typed body at each step; a problem becomes its envelope; anything
 * unexpected becomes a 500 envelope that quotes nothing of the request.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = CreateOrderRouteTest.Flow.class)
class CreateOrderRouteTest {

    static final String PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8));
    static final ObjectMapper JSON = new ObjectMapper();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Flow {

        @Bean
        BookOrder bookOrder() {
            return mock(BookOrder.class);
        }

        @Bean
        AnswerWriter answers() {
            return new AnswerWriter(new EnvelopeWriter(new BestRxProperties()));
        }

        @Bean
        InboundRequest inbound() {
            CarrierAdapter pb = new CarrierAdapter() {
                @Override
                public String carrierId() {
                    return "pb";
                }

                @Override
                public Set<Operation> capabilities() {
                    return Set.of(Operation.CREATE_ORDER);
                }
            };
            GatewayProperties.Pharmacy p = new GatewayProperties.Pharmacy();
            p.setApiKey("k");
            p.setApiSecret("s");
            p.setDefaultCarrier("pb");
            return new InboundRequest(PharmacyDirectory.fromConfiguration(Map.of(PHARMACY, p),
                    new CarrierRegistry(Map.of("pb", pb))), new PharmacyRateLimits(a -> 1000));
        }

        @Bean
        BestRxErrorHandling errors(AnswerWriter answers) {
            return new BestRxErrorHandling(answers);
        }

        @Bean
        CreateOrderRoute route(InboundRequest inbound, BookOrder bookOrder, AnswerWriter answers) {
            return new CreateOrderRoute(inbound, bookOrder, answers, Clock.systemUTC());
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate template;
    @Autowired
    BookOrder bookOrder;

    @BeforeEach
    void fresh() {
        reset(bookOrder);
    }

    Exchange send(String body) {
        if (!camel.isStarted()) {
            camel.start();
        }
        return template.request(RouteIds.CREATE_ORDER_URI, e -> {
            e.getIn().setHeader("Authorization", AUTH);
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            e.getIn().setHeader("X-Request-ID", "req-route-test");
            e.getIn().setBody(body);
        });
    }

    static String seed() throws Exception {
        try (InputStream in = CreateOrderRouteTest.class.getResourceAsStream("/bestrx/create-order-seed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theUseCaseGetsTheTypedCommandAndTheFirstAnswerGoesOutWithThisRequestsId() throws Exception {
        when(bookOrder.book(any())).thenReturn(new CreateOrderAnswer(
                "{\"data\":{\"provider_order_id\":\"CG-X\"},\"request_is_valid\":\"true\",\"messages\":[]}", true, null,
                List.of()));
        Exchange done = send(seed());

        ArgumentCaptor<CreateOrderCommand> command = ArgumentCaptor.forClass(CreateOrderCommand.class);
        verify(bookOrder).book(command.capture());
        assertThat(command.getValue().pharmacyId()).isEqualTo(PHARMACY);
        assertThat(command.getValue().bestrxUniqueOrderId()).isEqualTo(1001);
        assertThat(command.getValue().fingerprint()).hasSize(64);
        assertThat(done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        JsonNode answer = JSON.readTree(done.getMessage().getBody(String.class));
        assertThat(answer.at("/data/provider_order_id").asText()).isEqualTo("CG-X");
        assertThat(answer.get("request_id").asText()).isEqualTo("req-route-test");
        assertThat(done.getMessage().getHeader("Authorization")).as("request headers are not echoed").isNull();
    }

    @Test
    void aProblemBecomesItsEnvelopeAndNothingIsBookedForAnUnreadableOrder() throws Exception {
        Exchange unreadable = send("{\"bestrx_order_id\": \"not a number\"}");
        assertThat(unreadable.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        JsonNode envelope = JSON.readTree(unreadable.getMessage().getBody(String.class));
        assertThat(envelope.get("request_is_valid").asText()).isEqualTo("false");
        assertThat(envelope.at("/messages/0/message_code").asText()).isEqualTo("DIS0001");
        verify(bookOrder, never()).book(any());

        when(bookOrder.book(any())).thenThrow(new GatewayProblem(MessageCode.CARRIER_UNAVAILABLE,
                "Carrier pb is unavailable").retryAfter(30));
        Exchange unavailable = send(seed());
        assertThat(unavailable.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(unavailable.getMessage().getHeader("Retry-After")).isEqualTo(30);
        assertThat(JSON.readTree(unavailable.getMessage().getBody(String.class)).at("/messages/0/message_code").asText())
                .isEqualTo("DIS1004");
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // the route was advised
    void anUnexpectedFailureIsA500EnvelopeThatQuotesNothingOfTheRequest() throws Exception {
        AdviceWith.adviceWith(camel, RouteIds.CREATE_ORDER, route -> route.weaveById("book-order").replace()
                .process(e -> {
                    throw new IllegalStateException("bug while booking for Jane Joplin Doe");
                }));
        Exchange done = send(seed());
        assertThat(done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        String body = done.getMessage().getBody(String.class);
        assertThat(JSON.readTree(body).at("/messages/0/message_code").asText()).isEqualTo("DIS0099");
        assertThat(body).contains("req-route-test").doesNotContain("Jane").doesNotContain("IllegalStateException");
    }
}
