package com.carriergateway.app.web;

import com.carriergateway.routes.bestrx.EnvelopeWriter;
import java.util.UUID;
import org.apache.camel.component.servlet.ServletComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/** The web edge: Camel's servlet on the REST DSL's paths, and the guards ahead of it. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * Camel keeps one registry of servlets by name per JVM: two gateways in one JVM (the test suite's contexts)
     * would otherwise share one, so each gets its own name.
     */
    private final String servletName = "CamelServlet-" + UUID.randomUUID();

    /** The component the REST DSL's consumers come from, bound to this gateway's servlet. */
    @Bean
    ServletComponent servlet() {
        ServletComponent component = new ServletComponent();
        component.setServletName(servletName);
        return component;
    }

    /** Every call's id, before anything else runs (see {@link RequestIdFilter}). */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIds() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /** 503 with Retry-After on the REST DSL's paths until the gateway is ready, and again once it begins to stop. */
    @Bean
    FilterRegistrationBean<ReadinessGate> readinessGate(ApplicationAvailability availability, EnvelopeWriter envelopes,
            @Value("${gateway.http.not-ready-retry-after:5s}") java.time.Duration retryAfter,
            @Value("${gateway.bestrx.path-prefix:}") String bestRxPrefix) {
        FilterRegistrationBean<ReadinessGate> bean = new FilterRegistrationBean<>(
                new ReadinessGate(availability, envelopes, (int) Math.max(1, retryAfter.toSeconds())));
        bean.addUrlPatterns(restPaths(bestRxPrefix));
        // before anything reads the body
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }

    /**
     * Readiness goes to REFUSING_TRAFFIC as soon as the context begins to close, before the web server and Camel
     * stop: the gate answers 503 from then on, and the readiness probe says so, while requests under way finish
     * (graceful shutdown).
     */
    @Bean
    ApplicationListener<ContextClosedEvent> refuseTrafficOnClose() {
        return event -> AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${gateway.http.max-request-bytes:262144}") int maxBytes, EnvelopeWriter envelopes) {
        FilterRegistrationBean<RequestSizeLimitFilter> bean =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, envelopes));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /**
     * The REST DSL's paths go to Camel's servlet (under the BestRx path prefix, if any); everything else stays
     * with Spring MVC.
     */
    @Bean
    ServletRegistrationBean<CamelRestServlet> camelRestServlet(
            @Value("${gateway.bestrx.path-prefix:}") String bestRxPrefix) {
        ServletRegistrationBean<CamelRestServlet> bean = new ServletRegistrationBean<>(new CamelRestServlet(),
                restPaths(bestRxPrefix));
        bean.setName(servletName);
        bean.setLoadOnStartup(1);
        return bean;
    }

    /** The paths the REST DSL serves: BestRx's (under its prefix, if any) and the carrier webhooks. */
    static String[] restPaths(String bestRxPrefix) {
        String prefix = bestRxPrefix == null ? "" : bestRxPrefix.trim();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        return new String[] {prefix + "/Order/*", prefix + "/Address/*", "/webhooks/*"};
    }
}
