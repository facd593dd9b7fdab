package com.carriergateway.core.order;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.answer.MessageType;
import com.carriergateway.core.order.ValidateAddressCommand;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.routing.CarrierRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ValidateAddress use case: checks an address with the pharmacy's address-capable carrier; the carrier's
 * suggestions, and what the pharmacy should know about them (no match, corrected, the carrier's remarks).
 */
public class ValidateAddress {

    private final CarrierRegistry carriers;
    private final CarrierRouter router;

    public ValidateAddress(CarrierRegistry carriers, CarrierRouter router) {
        this.carriers = carriers;
        this.router = router;
    }

    public AddressAnswer validate(ValidateAddressCommand req) {
        String carrierId = router.addressCarrierFor(req.pharmacy().routing());
        if (carrierId == null) {
            throw new GatewayProblem(MessageCode.NO_CARRIER,
                    "None of this pharmacy's carriers can validate addresses.");
        }
        CarrierResult<AddressCheck> result = carriers.get(carrierId).validateAddress(req.address());
        if (!(result instanceof CarrierResult.Success<AddressCheck> s)) {
            throw CarrierFailures.problem(result, carrierId, "validate the address");
        }
        AddressCheck check = s.value();
        List<Message> messages = new ArrayList<>();
        s.warnings().forEach(w -> messages.add(CarrierFailures.warning(carrierId, w)));
        if (check.suggestions().isEmpty()) {
            messages.add(new Message(MessageCode.ADDRESS_NOT_FOUND, MessageType.WARNING,
                    "No matching addresses found.", null, carrierId, null));
        } else if (!check.deliverableAsGiven()) {
            messages.add(new Message(MessageCode.ADDRESS_NOT_DELIVERABLE_AS_GIVEN,
                    MessageType.INFORMATION,
                    "The carrier corrected or completed the address; use a suggested address.", null, carrierId, null));
        }
        return new AddressAnswer(check.suggestions(), messages);
    }
}
