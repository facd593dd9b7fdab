package com.carriergateway.core.routing;


import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a pharmacy's carrier: the carriers of the rules that match the order, in order, then the pharmacy's default;
 * the first of them that can honour everything the order requires at the door. A carrier that cannot is skipped (and
 * named in the decision); when none can, the order is refused.
 */
public final class CarrierRouter {

    private final CarrierRegistry carriers;
    private final Clock clock;

    public CarrierRouter(CarrierRegistry carriers, Clock clock) {
        this.carriers = carriers;
        this.clock = clock;
    }

    public RoutingDecision route(RoutingPolicy pharmacy, DeliveryOrder order) {
        LocalDate today = LocalDate.now(clock);
        Set<DeliveryCapability> required = DeliveryCapability.requiredBy(order.handling());
        Set<String> candidates = new LinkedHashSet<>();
        for (RoutingRule rule : pharmacy.rules()) {
            if (rule.matches(order, required, today)) {
                candidates.add(rule.carrierId());
            }
        }
        candidates.add(pharmacy.defaultCarrier());
        List<RoutingDecision.SkippedCarrier> skipped = new ArrayList<>();
        Set<DeliveryCapability> coveredBySome = EnumSet.noneOf(DeliveryCapability.class);
        for (String carrierId : candidates) {
            Set<DeliveryCapability> lacking = lacking(carrierId, required);
            if (lacking.isEmpty()) {
                return new RoutingDecision.Chosen(carrierId, skipped);
            }
            skipped.add(new RoutingDecision.SkippedCarrier(carrierId, lacking));
            Set<DeliveryCapability> covered = EnumSet.copyOf(required);
            covered.removeAll(lacking);
            coveredBySome.addAll(covered);
        }
        Set<DeliveryCapability> unmet = EnumSet.copyOf(required);
        unmet.removeAll(coveredBySome);
        // each requirement has a carrier, but no carrier has them all: every requirement is part of the problem
        return new RoutingDecision.Refused(unmet.isEmpty() ? required : unmet, skipped);
    }

    /**
     * The pharmacy's failover carrier for this order, when it has one that can honour what the order requires
     * (a failover that would drop a requirement is no failover).
     */
    public Optional<String> failoverFor(RoutingPolicy pharmacy, DeliveryOrder order) {
        String failover = pharmacy.failoverCarrier();
        if (failover == null || !lacking(failover, DeliveryCapability.requiredBy(order.handling())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failover);
    }

    private Set<DeliveryCapability> lacking(String carrierId, Set<DeliveryCapability> required) {
        Set<DeliveryCapability> lacking = required.isEmpty() ? EnumSet.noneOf(DeliveryCapability.class)
                : EnumSet.copyOf(required);
        lacking.removeAll(carriers.get(carrierId).deliveryCapabilities());
        return lacking;
    }

    /** The carrier that validates this pharmacy's addresses, or null when none of its carriers can. */
    public String addressCarrierFor(RoutingPolicy pharmacy) {
        if (pharmacy.addressCarrier() != null) {
            return pharmacy.addressCarrier();
        }
        if (carriers.get(pharmacy.defaultCarrier()).capabilities().contains(Operation.VALIDATE_ADDRESS)) {
            return pharmacy.defaultCarrier();
        }
        for (RoutingRule rule : pharmacy.rules()) {
            if (carriers.get(rule.carrierId()).capabilities().contains(Operation.VALIDATE_ADDRESS)) {
                return rule.carrierId();
            }
        }
        return carriers.all().entrySet().stream()
                .filter(e -> e.getValue().capabilities().contains(Operation.VALIDATE_ADDRESS))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }
}
