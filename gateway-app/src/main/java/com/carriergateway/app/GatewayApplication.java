package com.carriergateway.app;

import com.carriergateway.routes.RoutesConfiguration;
import com.carriergateway.routes.status.StatusConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Carrier Gateway: the BestRx delivery-provider API in front of several couriers. */
@SpringBootApplication
@Import({RoutesConfiguration.class, StatusConfiguration.class})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
