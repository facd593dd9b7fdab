package com.carriergateway.core.routing;

import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.DeliveryOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One routing rule: when every condition it states holds for an order, the order goes to {@code carrierId}.
 * {@code requires} matches orders that ask for all of those capabilities (e.g. {@code [ID_CHECK]}: orders with
 * {@code photo_id_required}); the rule's carrier must declare them (checked at startup).
 */
public record RoutingRule(
        String carrierId,
        Set<String> serviceLevels,
        Boolean refrigerated,
        Set<String> states,
        List<String> zipPrefixes,
        Integer deliveryWithinDays,
        Set<DeliveryCapability> requires) {

    public RoutingRule {
        serviceLevels = serviceLevels.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        states = states.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        zipPrefixes = List.copyOf(zipPrefixes);
        requires = requires == null ? Set.of() : Set.copyOf(requires);
    }

    public boolean hasConditions() {
        return !serviceLevels.isEmpty() || refrigerated != null || !states.isEmpty() || !zipPrefixes.isEmpty()
                || deliveryWithinDays != null || !requires.isEmpty();
    }

    /** @param required what the order asks of the carrier at the door ({@link DeliveryCapability#requiredBy}) */
    public boolean matches(DeliveryOrder order, Set<DeliveryCapability> required, LocalDate today) {
        if (!required.containsAll(requires)) {
            return false;
        }
        if (!serviceLevels.isEmpty()) {
            String level = order.serviceLevel();
            if (level == null || !serviceLevels.contains(level.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (refrigerated != null && order.handling().refrigerated() != refrigerated) {
            return false;
        }
        Address to = order.recipient() == null ? null : order.recipient().address();
        if (!states.isEmpty() && (to == null || to.state() == null || !states.contains(to.state()))) {
            return false;
        }
        if (!zipPrefixes.isEmpty()
                && (to == null || to.postalCode() == null || zipPrefixes.stream().noneMatch(to.postalCode()::startsWith))) {
            return false;
        }
        if (deliveryWithinDays != null) {
            LocalDate wanted = order.requestedDeliveryDate();
            if (wanted == null || wanted.isAfter(today.plusDays(deliveryWithinDays))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "rule -> " + carrierId + " when serviceLevels=" + serviceLevels + " refrigerated=" + refrigerated
                + " states=" + states + " zipPrefixes=" + zipPrefixes + " deliveryWithinDays=" + deliveryWithinDays + " requires=" + requires;
    }
}
