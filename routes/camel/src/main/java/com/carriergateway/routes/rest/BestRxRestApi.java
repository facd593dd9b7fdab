package com.carriergateway.routes.rest;

import com.carriergateway.routes.flow.RouteIds;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The BestRx provider API's HTTP edge, and nothing more: each path hands the raw request to its flow.
 * Binding is off because the flows read BestRx's loosely typed JSON themselves.
 */
public class BestRxRestApi extends RouteBuilder {

    private final String prefix;

    public BestRxRestApi(String pathPrefix) {
        String p = pathPrefix == null ? "" : pathPrefix.trim();
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.prefix = p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public void configure() {
        restConfiguration().bindingMode(RestBindingMode.off);

        rest(prefix + "/Order")
                .post("/CreateOrder").id("rest-create-order").to(RouteIds.CREATE_ORDER_URI)
                .post("/CancelOrder").id("rest-cancel-order").to(RouteIds.CANCEL_ORDER_URI);
        rest(prefix + "/Address")
                .post("/ValidateAddress").id("rest-validate-address").to(RouteIds.VALIDATE_ADDRESS_URI);
    }
}
