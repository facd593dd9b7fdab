package com.carriergateway.app.admin;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The operators' endpoints under {@code /admin}, behind their own credential. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class AdminConfiguration {

    /** The admin API's tag and security scheme in the API document. */
    public static final String TAG = "Admin API";
    public static final String ADMIN_BASIC = "adminBasic";

    @Bean
    AdminCredential adminCredential(AdminProperties props, Clock clock) {
        return new AdminCredential(props,
                new FailedSignIns(props.getMaxFailedSignIns(), props.getFailedSignInWindow(), clock));
    }

    /** The filter's 401 and 429 in the API document, on every admin operation. */
    @Bean
    AdminRefusalsDocumentation adminRefusalsDocumentation() {
        return new AdminRefusalsDocumentation();
    }

    @Bean
    FilterRegistrationBean<AdminAuthenticationFilter> adminAuthentication(AdminCredential credential) {
        FilterRegistrationBean<AdminAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new AdminAuthenticationFilter(credential));
        bean.addUrlPatterns("/admin/*");
        // before anything reads the body
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return bean;
    }
}
