package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.ValidateAddressReader;
import com.carriergateway.routes.bestrx.ValidateAddressRequest;
import com.carriergateway.routes.bestrx.ValidateAddressResponse;
import com.carriergateway.routes.order.AddressAnswer;
import com.carriergateway.routes.order.AddressValidation;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** BestRx ValidateAddress: authenticate, read, ask the pharmacy's address-capable carrier, answer suggestions. */
public class ValidateAddressRoute extends RouteBuilder {

    private final InboundRequest inbound;
    private final AddressValidation validation;
    private final AnswerWriter answers;

    public ValidateAddressRoute(InboundRequest inbound, AddressValidation validation, AnswerWriter answers) {
        this.inbound = inbound;
        this.validation = validation;
        this.answers = answers;
    }

    @Override
    public void configure() {
        from(RouteIds.VALIDATE_ADDRESS_URI).routeId(RouteIds.VALIDATE_ADDRESS)
                .routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(e -> RequestContext.begin(e, BestRxOperation.VALIDATE_ADDRESS))
                .process(inbound::authenticate)
                .process(inbound::readJson)
                .process(this::readAddress)
                .process(this::validateWithCarrier);
    }

    private void readAddress(Exchange e) {
        e.setProperty(ExchangeKeys.REQUEST,
                ValidateAddressReader.read(InboundRequest.json(e), InboundRequest.pharmacy(e).pharmacyId()));
    }

    private void validateWithCarrier(Exchange e) {
        ValidateAddressRequest req = e.getProperty(ExchangeKeys.REQUEST, ValidateAddressRequest.class);
        AddressAnswer answer = validation.validate(req, InboundRequest.pharmacy(e));
        answers.answer(e, 200, true, ValidateAddressResponse.data(answer.suggestions()), answer.messages());
    }
}
