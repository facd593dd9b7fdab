package com.carriergateway.routes.flow;

import com.carriergateway.core.order.AddressAnswer;
import com.carriergateway.core.order.ValidateAddress;
import com.carriergateway.core.order.ValidateAddressCommand;
import com.carriergateway.routes.bestrx.AuthenticatedRequest;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.ValidateAddressReader;
import com.carriergateway.routes.bestrx.ValidateAddressResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * BestRx ValidateAddress: authenticate, read, ask the pharmacy's address-capable carrier (the {@link ValidateAddress}
 * use case), write the suggestions.
 */
public class ValidateAddressRoute extends RouteBuilder {

    private final InboundRequest inbound;
    private final ValidateAddress validateAddress;
    private final AnswerWriter answers;

    public ValidateAddressRoute(InboundRequest inbound, ValidateAddress validateAddress, AnswerWriter answers) {
        this.inbound = inbound;
        this.validateAddress = validateAddress;
        this.answers = answers;
    }

    @Override
    public void configure() {
        from(RouteIds.VALIDATE_ADDRESS_URI).routeId(RouteIds.VALIDATE_ADDRESS)
                .routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(RequestContext.begin(BestRxOperation.VALIDATE_ADDRESS))
                .process(inbound::authenticate).id("validate-address-authenticate")
                .process(this::readAddress).id("read-address")
                .process(this::validate).id("validate-with-carrier")
                .process(this::writeAnswer).id("validate-address-answer");
    }

    /** AuthenticatedRequest → ValidateAddressCommand. */
    private void readAddress(Exchange e) {
        e.getIn().setBody(ValidateAddressReader.read(e.getIn().getBody(AuthenticatedRequest.class)));
    }

    /** ValidateAddressCommand → AddressAnswer. */
    private void validate(Exchange e) {
        e.getIn().setBody(validateAddress.validate(e.getIn().getBody(ValidateAddressCommand.class)));
    }

    private void writeAnswer(Exchange e) {
        AddressAnswer answer = e.getIn().getBody(AddressAnswer.class);
        answers.answer(e, 200, true, ValidateAddressResponse.data(answer.suggestions()), answer.messages());
    }
}
