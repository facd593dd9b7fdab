package com.carriergateway.core.order;

import com.carriergateway.adapter.DeliveryCapability;
import java.util.Collection;
import java.util.stream.Collectors;

/** How a delivery requirement is named to BestRx: the order field that asked for it, and in words. */
final class RequirementNames {

    private RequirementNames() {
    }

    /** The CreateOrder field that asks for it; null for a requirement no BestRx field expresses. */
    static String field(DeliveryCapability requirement) {
        return switch (requirement) {
            case SIGNATURE -> "signature_required";
            case ID_CHECK -> "photo_id_required";
            case COLD_CHAIN -> "refrigeration_needed";
            case PIN_CODE -> null;
        };
    }

    static String words(DeliveryCapability requirement) {
        return switch (requirement) {
            case SIGNATURE -> "a signature";
            case ID_CHECK -> "a photo ID check";
            case COLD_CHAIN -> "refrigeration";
            case PIN_CODE -> "a PIN code";
        };
    }

    static String words(Collection<DeliveryCapability> requirements) {
        return requirements.stream().sorted().map(RequirementNames::words).collect(Collectors.joining(", "));
    }
}
