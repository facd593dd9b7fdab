package com.carriergateway.routes.rest;

import com.carriergateway.adapter.webhook.WebhookAuthentication;
import com.carriergateway.routes.http.RequestIds;
import com.carriergateway.routes.rest.contract.WebhookAnswer;
import com.carriergateway.routes.rest.contract.WebhookError;
import com.carriergateway.routes.webhook.CarrierWebhookRoute;
import com.carriergateway.routes.webhook.WebhookDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * Where carriers push statuses: {@code POST /webhooks/{carrierId}}, one path per configured carrier instance
 * (e.g. {@code /webhooks/pitney-bowes} for PB's tracking webhook, {@code /webhooks/connect} for Connect's
 * notifications). Each call goes to the {@link CarrierWebhookRoute}. What is declared beyond the path documents the
 * call for the API document, with each open carrier's way of proving a call is its own (its adapter's
 * {@link WebhookAuthentication}).
 */
public class CarrierWebhookRestApi extends RouteBuilder {

    public static final String TAG = "Carrier webhooks";
    /** The security scheme of carriers that call with HTTP Basic. */
    public static final String WEBHOOK_BASIC = "webhookBasic";
    /** The prefix of the security schemes of carriers that sign (one per signature header). */
    public static final String WEBHOOK_SIGNATURE = "webhookSignature-";

    private final WebhookDirectory directory;

    public CarrierWebhookRestApi(WebhookDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void configure() {
        Map<String, WebhookAuthentication> byCarrier = new LinkedHashMap<>();
        directory.carrierIds().forEach(id -> byCarrier.put(id, directory.entry(id).protocol().authentication()));

        RestDefinition webhooks = rest("/webhooks").tag(TAG);
        List<String> schemes = new ArrayList<>();
        List<String> perCarrier = new ArrayList<>();
        byCarrier.forEach((carrier, auth) -> {
            String scheme = scheme(auth);
            if (!schemes.contains(scheme)) {
                schemes.add(scheme);
                if (auth.scheme() == WebhookAuthentication.Scheme.HTTP_BASIC) {
                    webhooks.securityDefinitions().basicAuth(scheme, "The HTTP Basic credential configured for the "
                            + "carrier: gateway.webhooks.<carrierId>.username / password.");
                } else {
                    webhooks.securityDefinitions().apiKey(scheme, "The lowercase hex HMAC-SHA256 of the raw body, "
                            + "keyed with gateway.webhooks.<carrierId>.signing-key.").withHeader(auth.header()).end();
                }
            }
            perCarrier.add(carrier + ": " + (auth.scheme() == WebhookAuthentication.Scheme.HTTP_BASIC ? "HTTP Basic"
                    : "HMAC-SHA256 signature in " + auth.header()) + " (" + scheme + ")");
        });

        webhooks.post("/{" + CarrierWebhookRoute.CARRIER_ID_HEADER + "}").id("rest-carrier-webhook")
                .description("A carrier's status notification. Each event is recorded before the answer, then "
                        + "reaches BestRx as UpdateOrderStatus; a call sent again changes nothing. How each carrier "
                        + "proves a call is its own: " + (perCarrier.isEmpty() ? "no carrier's webhook is open"
                        : String.join("; ", perCarrier)) + ".")
                .consumes(BestRxResponses.JSON).produces(BestRxResponses.JSON)
                .outType(WebhookAnswer.class)
                .param().name(CarrierWebhookRoute.CARRIER_ID_HEADER).type(RestParamType.path).required(true)
                .description("The carrier instance, as configured (gateway.webhooks.<carrierId>).")
                .allowableValues(new ArrayList<>(byCarrier.keySet())).endParam()
                .param().name("body").type(RestParamType.body).required(true)
                .description("The carrier's own notification, as its API documents it (Pitney Bowes: an array of "
                        + "tracking events; Connect: an order notification), read by its adapter. A signature is "
                        + "computed over these raw bytes.").endParam()
                .param(BestRxResponses.requestIdHeader());
        for (String scheme : schemes) {
            webhooks.security(scheme);
        }
        webhooks.responseMessage(answer(200, "Recorded; the tally of what the events did.", WebhookAnswer.class))
                .responseMessage(answer(400, "bad_request: the body is not this carrier's webhook.",
                        WebhookError.class))
                .responseMessage(answer(401, "unauthorized: the call is not signed or authenticated as the "
                        + "carrier's.", WebhookError.class))
                .responseMessage(answer(404, "not_found: no webhook is open for this carrier.", WebhookError.class))
                .responseMessage(answer(503, "unavailable: nothing was recorded (the gateway is starting or "
                        + "stopping, with Retry-After, or could not store the events); send the call again.",
                        WebhookError.class).header("Retry-After").dataType("integer")
                        .description("Seconds to wait, while the gateway is starting or stopping.").endHeader())
                .to(CarrierWebhookRoute.URI);
    }

    static String scheme(WebhookAuthentication auth) {
        return auth.scheme() == WebhookAuthentication.Scheme.HTTP_BASIC ? WEBHOOK_BASIC
                : WEBHOOK_SIGNATURE + auth.header().toLowerCase(java.util.Locale.ROOT);
    }

    private static ResponseMessageDefinition answer(int status, String description, Class<?> schema) {
        return new ResponseMessageDefinition().code(status).message(description).responseModel(schema)
                .header(RequestIds.HEADER).dataType("string").description("This call's id.").endHeader();
    }
}
