package com.carriergateway.app.web;

import com.carriergateway.routes.bestrx.EnvelopeWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The web edge's guards, ahead of Camel. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${gateway.http.max-request-bytes:262144}") int maxBytes, EnvelopeWriter envelopes) {
        FilterRegistrationBean<RequestSizeLimitFilter> bean =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, envelopes));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }
}
