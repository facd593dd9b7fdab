package com.carriergateway.core.routing;


import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.time.Clock;
import java.time.LocalDate;

/** Chooses a pharmacy's carrier: the first rule that matches the order, else the pharmacy's default. */
public final class CarrierRouter {

    private final CarrierRegistry carriers;
    private final Clock clock;

    public CarrierRouter(CarrierRegistry carriers, Clock clock) {
        this.carriers = carriers;
        this.clock = clock;
    }

    public String carrierFor(RoutingPolicy pharmacy, DeliveryOrder order) {
        LocalDate today = LocalDate.now(clock);
        for (RoutingRule rule : pharmacy.rules()) {
            if (rule.matches(order, today)) {
                return rule.carrierId();
            }
        }
        return pharmacy.defaultCarrier();
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
