package com.carriergateway.core.routing;

import java.util.List;

/**
 * Where one pharmacy's orders go: the first of its {@code rules} that matches an order, else {@code defaultCarrier};
 * which carrier validates its addresses (null: the first that can); which carrier takes its orders when the chosen
 * one's circuit is open (null: none, the order is refused).
 */
public record RoutingPolicy(String defaultCarrier, List<RoutingRule> rules, String addressCarrier,
                           String failoverCarrier) {

    public RoutingPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
