package com.carriergateway.app.console;

import com.carriergateway.core.store.OrderSearch;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The operator console under {@code /console}: its guard and the read side it needs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleGuard> consoleGuard(ConsoleProperties props) {
        FilterRegistrationBean<ConsoleGuard> bean = new FilterRegistrationBean<>(new ConsoleGuard(props.isEnabled()));
        bean.addUrlPatterns("/console", "/console/*");
        // after the request id and the body size limit, before anything reads a form
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    @Bean
    OrderSearch orderSearch(JdbcTemplate jdbc) {
        return new OrderSearch(jdbc);
    }
}
