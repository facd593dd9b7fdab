package com.carriergateway.routes.flow;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyRateLimits;
import com.carriergateway.routes.bestrx.AuthenticatedRequest;
import com.carriergateway.routes.bestrx.BestRxJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The first step of every BestRx call: who is calling (401 if nobody we know), whether they are within their request
 * budget (429), and whether the body is a JSON object (415, 400). The body becomes an {@link AuthenticatedRequest}.
 */
public final class InboundRequest {

    private final PharmacyDirectory pharmacies;
    private final PharmacyRateLimits rateLimits;

    public InboundRequest(PharmacyDirectory pharmacies, PharmacyRateLimits rateLimits) {
        this.pharmacies = pharmacies;
        this.rateLimits = rateLimits;
    }

    public void authenticate(Exchange exchange) {
        PharmacyAccount account = pharmacies.authenticate(exchange.getIn().getHeader("Authorization", String.class));
        rateLimits.admit(account);
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.isBlank() && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new GatewayProblem(MessageCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request as JSON with Content-Type: application/json.");
        }
        JsonNode json = BestRxJson.readObject(exchange.getIn().getBody(String.class));
        exchange.getIn().setBody(new AuthenticatedRequest(account, json));
    }
}
