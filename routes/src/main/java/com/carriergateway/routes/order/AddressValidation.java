package com.carriergateway.routes.order;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.routes.api.GatewayProblem;
import com.carriergateway.routes.api.Message;
import com.carriergateway.routes.api.MessageCode;
import com.carriergateway.routes.bestrx.ValidateAddressRequest;
import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.routing.CarrierRouter;
import com.carriergateway.routes.routing.PharmacyAccount;
import java.util.ArrayList;
import java.util.List;

/** Validates an address with the pharmacy's address-capable carrier. */
public class AddressValidation {

    private final CarrierRegistry carriers;
    private final CarrierRouter router;

    public AddressValidation(CarrierRegistry carriers, CarrierRouter router) {
        this.carriers = carriers;
        this.router = router;
    }

    public AddressAnswer validate(ValidateAddressRequest req, PharmacyAccount pharmacy) {
        String carrierId = router.addressCarrierFor(pharmacy);
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
        if (check.suggestions().isEmpty()) {
            messages.add(new Message(MessageCode.ADDRESS_NOT_FOUND, com.carriergateway.routes.api.MessageType.WARNING,
                    "No matching addresses found.", null, carrierId, null));
        } else if (!check.deliverableAsGiven()) {
            messages.add(new Message(MessageCode.ADDRESS_NOT_DELIVERABLE_AS_GIVEN,
                    com.carriergateway.routes.api.MessageType.INFORMATION,
                    "The carrier corrected or completed the address; use a suggested address.", null, carrierId, null));
        }
        return new AddressAnswer(check.suggestions(), messages);
    }
}
