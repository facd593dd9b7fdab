package com.carriergateway.core.routing;

import com.carriergateway.adapter.DeliveryCapability;
import java.util.List;
import java.util.Set;

/**
 * Where an order goes, or why it cannot go anywhere. Carriers the pharmacy's routing names but that cannot honour what
 * the order requires (a signature, an ID check, refrigeration) are skipped, and say so: the gateway never books an
 * order with a carrier that would quietly drop a requirement.
 */
public sealed interface RoutingDecision {

    /** Carriers passed over, in the order routing considered them. */
    List<SkippedCarrier> skipped();

    /** The order goes to {@code carrierId}. */
    record Chosen(String carrierId, List<SkippedCarrier> skipped) implements RoutingDecision {
        public Chosen {
            skipped = List.copyOf(skipped);
        }
    }

    /** No carrier the pharmacy routes to can honour {@code unmet} (the order's requirements none of them covers). */
    record Refused(Set<DeliveryCapability> unmet, List<SkippedCarrier> skipped) implements RoutingDecision {
        public Refused {
            unmet = Set.copyOf(unmet);
            skipped = List.copyOf(skipped);
        }
    }

    /** A carrier routing would have chosen, and the requirements of the order it lacks. */
    record SkippedCarrier(String carrierId, Set<DeliveryCapability> lacking) {
        public SkippedCarrier {
            lacking = Set.copyOf(lacking);
        }
    }
}
