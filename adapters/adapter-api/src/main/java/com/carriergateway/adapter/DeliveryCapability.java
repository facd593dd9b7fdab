package com.carriergateway.adapter;

import com.carriergateway.adapter.model.Handling;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a carrier can do at the door when a pharmacy asks for it. An adapter declares what it can honour
 * ({@link CarrierAdapter#deliveryCapabilities()}); an order's requirements come from what the pharmacy asked for
 * ({@link com.carriergateway.adapter.model.Handling}). The gateway never books an order with a carrier that lacks one.
 */
public enum DeliveryCapability {
    /** The courier collects the recipient's signature (and the signer's name when the carrier can). */
    SIGNATURE,
    /** The courier checks a government ID (a minimum age). */
    ID_CHECK,
    /** The parcel travels refrigerated. */
    COLD_CHAIN,
    /** The recipient must give a code before the courier hands over the parcel. */
    PIN_CODE;

    /**
     * What an order asks of the carrier at the door: a signature, an ID check, refrigeration. (A PIN is never asked
     * for by the order itself: a carrier that offers one uses it by its own configuration.)
     */
    public static Set<DeliveryCapability> requiredBy(Handling handling) {
        Set<DeliveryCapability> required = EnumSet.noneOf(DeliveryCapability.class);
        if (handling == null) {
            return required;
        }
        if (handling.signatureRequired()) {
            required.add(SIGNATURE);
        }
        if (handling.photoIdRequired()) {
            required.add(ID_CHECK);
        }
        if (handling.refrigerated()) {
            required.add(COLD_CHAIN);
        }
        return required;
    }
}
