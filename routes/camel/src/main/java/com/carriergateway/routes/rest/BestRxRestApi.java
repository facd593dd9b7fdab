package com.carriergateway.routes.rest;

import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.routes.flow.RouteIds;
import com.carriergateway.routes.rest.contract.CancelOrderAnswer;
import com.carriergateway.routes.rest.contract.CancelOrderRequest;
import com.carriergateway.routes.rest.contract.CreateOrderAnswer;
import com.carriergateway.routes.rest.contract.CreateOrderRequest;
import com.carriergateway.routes.rest.contract.ValidateAddressAnswer;
import com.carriergateway.routes.rest.contract.ValidateAddressRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;

/**
 * The BestRx provider API's HTTP edge, and nothing more: each path hands the raw request to its flow. Binding is off
 * because the flows read BestRx's loosely typed JSON themselves; the types, parameters and answers declared here only
 * document the call (the gateway's API document is built from them) and change nothing at run time.
 */
public class BestRxRestApi extends RouteBuilder {

    /** The tag the BestRx calls are grouped under in the API document. */
    public static final String TAG = "BestRx provider API";
    /** The security scheme: the pharmacy's HTTP Basic credential. */
    public static final String PHARMACY_BASIC = "pharmacyBasic";

    private final String prefix;
    private final BestRxResponses responses;

    public BestRxRestApi(String pathPrefix, EnvelopeWriter envelopes) {
        String p = pathPrefix == null ? "" : pathPrefix.trim();
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.prefix = p.isEmpty() || p.startsWith("/") ? p : "/" + p;
        this.responses = new BestRxResponses(envelopes);
    }

    @Override
    public void configure() {
        restConfiguration().bindingMode(RestBindingMode.off);

        RestDefinition order = rest(prefix + "/Order").tag(TAG)
                .securityDefinitions().basicAuth(PHARMACY_BASIC, "The pharmacy's API key and secret "
                        + "(gateway.pharmacies.<id>.api-key / api-secret). A credential acts for its own pharmacy "
                        + "only.").end();
        documented(order.post("/CreateOrder").id("rest-create-order")
                .description("Book a delivery order with a carrier: the pharmacy's routing rules choose it. Exactly "
                        + "once per order: a repeat gets the first answer, a changed repeat 409 DIS0007.")
                .type(CreateOrderRequest.class).outType(CreateOrderAnswer.class)
                .param(BestRxResponses.body("The order.", "create-order-seed.json"))
                .responseMessage(BestRxResponses.ok(CreateOrderAnswer.class, "Booked (or booked before: the first "
                        + "answer). May carry warnings: DIS2002 field defaulted, DIS2003 failover, DIS2004 carrier "
                        + "remark.", "create-order-answer.json")), BestRxOperation.CREATE_ORDER)
                .to(RouteIds.CREATE_ORDER_URI);
        documented(order.post("/CancelOrder").id("rest-cancel-order")
                .description("Cancel an order with the carrier that holds it. A carrier's refusal is a 200 with "
                        + "status false.")
                .type(CancelOrderRequest.class).outType(CancelOrderAnswer.class)
                .param(BestRxResponses.body("The order to cancel.", "cancel-order-seed.json"))
                .responseMessage(BestRxResponses.ok(CancelOrderAnswer.class, "Cancelled (status true), or refused "
                        + "by the carrier (status false, DIS1001). May carry DIS2005: the provider ids sent are not "
                        + "this order's.", "cancel-order-answer.json")), BestRxOperation.CANCEL_ORDER)
                .to(RouteIds.CANCEL_ORDER_URI);

        RestDefinition address = rest(prefix + "/Address").tag(TAG);
        documented(address.post("/ValidateAddress").id("rest-validate-address")
                .description("Check an address with a carrier of the pharmacy that validates addresses.")
                .type(ValidateAddressRequest.class).outType(ValidateAddressAnswer.class)
                .param(BestRxResponses.body("The address to check.", "validate-address-seed.json"))
                .responseMessage(BestRxResponses.ok(ValidateAddressAnswer.class, "The carrier's suggestions: DIS1009 "
                        + "when it corrected the address, an empty list and DIS1008 when it found none.",
                        "validate-address-answer.json")), BestRxOperation.VALIDATE_ADDRESS)
                .to(RouteIds.VALIDATE_ADDRESS_URI);
    }

    /** What every BestRx call shares: JSON both ways, the pharmacy's credential, a request id, the error answers. */
    private RestDefinition documented(RestDefinition verb, BestRxOperation operation) {
        verb.consumes(BestRxResponses.JSON).produces(BestRxResponses.JSON).security(PHARMACY_BASIC)
                .param(BestRxResponses.requestIdHeader());
        for (ResponseMessageDefinition error : responses.errors(operation)) {
            verb.responseMessage(error);
        }
        return verb;
    }
}
