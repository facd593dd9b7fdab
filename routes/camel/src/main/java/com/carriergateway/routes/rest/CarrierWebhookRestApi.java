package com.carriergateway.routes.rest;

import com.carriergateway.routes.webhook.CarrierWebhookRoute;

import org.apache.camel.builder.RouteBuilder;

/**
 * Where carriers push statuses: {@code POST /webhooks/{carrierId}}, one path per configured carrier instance
 * (e.g. {@code /webhooks/pitney-bowes} for PB's tracking webhook, {@code /webhooks/connect} for Connect's
 * notifications). Each call goes to the {@link CarrierWebhookRoute}.
 */
public class CarrierWebhookRestApi extends RouteBuilder {

    @Override
    public void configure() {
        rest("/webhooks")
                .post("/{" + CarrierWebhookRoute.CARRIER_ID_HEADER + "}").id("rest-carrier-webhook")
                .to(CarrierWebhookRoute.URI);
    }
}
