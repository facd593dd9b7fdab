package com.carriergateway.core.routing;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.DeliveryOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** One routing rule: when every condition it states holds for an order, the order goes to {@code carrierId}. */
public record RoutingRule(
        String carrierId,
        Set<String> serviceLevels,
        Boolean refrigerated,
        Set<String> states,
        List<String> zipPrefixes,
        Integer deliveryWithinDays) {

    public RoutingRule {
        serviceLevels = serviceLevels.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        states = states.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        zipPrefixes = List.copyOf(zipPrefixes);
    }

    public boolean hasConditions() {
        return !serviceLevels.isEmpty() || refrigerated != null || !states.isEmpty() || !zipPrefixes.isEmpty()
                || deliveryWithinDays != null;
    }

    public boolean matches(DeliveryOrder order, LocalDate today) {
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
                + " states=" + states + " zipPrefixes=" + zipPrefixes + " deliveryWithinDays=" + deliveryWithinDays;
    }
}
