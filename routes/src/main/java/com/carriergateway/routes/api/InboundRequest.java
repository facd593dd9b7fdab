package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxJson;
import com.carriergateway.routes.routing.PharmacyAccount;
import com.carriergateway.routes.routing.PharmacyDirectory;
import com.carriergateway.routes.routing.PharmacyRateLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.apache.camel.Exchange;

/** The first steps of every BestRx call: who is calling, and is the body a JSON object. */
public final class InboundRequest {

    private final PharmacyDirectory pharmacies;
    private final PharmacyRateLimits rateLimits;

    public InboundRequest(PharmacyDirectory pharmacies, PharmacyRateLimits rateLimits) {
        this.pharmacies = pharmacies;
        this.rateLimits = rateLimits;
    }

    /** Who is calling (401 if nobody we know), and whether they are within their request budget (429). */
    public void authenticate(Exchange exchange) {
        PharmacyAccount account = pharmacies.authenticate(exchange.getIn().getHeader("Authorization", String.class));
        rateLimits.admit(account);
        exchange.setProperty(ExchangeKeys.PHARMACY, account);
    }

    public void readJson(Exchange exchange) {
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.isBlank() && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new GatewayProblem(MessageCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request as JSON with Content-Type: application/json.");
        }
        JsonNode json = BestRxJson.readObject(exchange.getIn().getBody(String.class));
        exchange.setProperty(ExchangeKeys.JSON, json);
    }

    public static PharmacyAccount pharmacy(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.PHARMACY, PharmacyAccount.class);
    }

    public static JsonNode json(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.JSON, JsonNode.class);
    }
}
