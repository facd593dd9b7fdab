package com.carriergateway.routes.bestrx;

import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.fasterxml.jackson.databind.JsonNode;

/** A BestRx call whose caller is known and within its budget: the pharmacy, and the body as a JSON object. */
public record AuthenticatedRequest(PharmacyAccount pharmacy, JsonNode body) {
}
