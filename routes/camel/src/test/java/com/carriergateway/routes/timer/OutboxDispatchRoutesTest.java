package com.carriergateway.routes.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.carriergateway.core.outbox.OutboxDispatcher;
import com.carriergateway.core.outbox.OutboxMetrics;
import com.carriergateway.core.outbox.OutboxProperties;
import com.carriergateway.core.outbox.OutboxPurge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox's timers only wake its background work: every dispatch tick wakes the dispatcher (which sends on its own
 * thread, so no tick waits on BestRx or the database), and an instance that does not dispatch never starts the tick.
 */
@CamelSpringBootTest
@SpringBootTest(classes = OutboxDispatchRoutesTest.Timers.class)
class OutboxDispatchRoutesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Timers {

        @Bean
        OutboxDispatcher dispatcher() {
            return mock(OutboxDispatcher.class);
        }

        @Bean
        OutboxDispatchRoutes routes(OutboxDispatcher dispatcher) {
            OutboxProperties props = new OutboxProperties();
            props.setDispatchInterval(Duration.ofMillis(100));
            return new OutboxDispatchRoutes(dispatcher, mock(OutboxMetrics.class), mock(OutboxPurge.class), props);
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void everyTickWakesTheDispatcher() {
        NotifyBuilder ticks = new NotifyBuilder(camel).fromRoute("outbox-dispatch").whenCompleted(3).create();
        assertThat(ticks.matches(10, TimeUnit.SECONDS)).as("three ticks").isTrue();
        verify(dispatcher, atLeast(3)).wake();
    }

    @Test
    void anInstanceThatDoesNotDispatchNeverStartsTheTick() throws Exception {
        OutboxProperties off = new OutboxProperties();
        off.setEnabled(false);
        try (CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            other.addRoutes(new OutboxDispatchRoutes(mock(OutboxDispatcher.class), mock(OutboxMetrics.class),
                    mock(OutboxPurge.class), off));
            other.start();
            assertThat(other.getRouteController().getRouteStatus("outbox-dispatch").isStarted()).isFalse();
            assertThat(other.getRouteController().getRouteStatus("outbox-metrics").isStarted()).isTrue();
        }
    }
}
