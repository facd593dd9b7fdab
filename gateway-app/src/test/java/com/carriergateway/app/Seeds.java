package com.carriergateway.app;

import com.carriergateway.core.order.OrderKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * BestRx's published examples, verbatim or with a fresh {@code bestrx_unique_order_id} so tests sharing one
 * running gateway never touch each other's orders.
 */
public final class Seeds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L + 10_000);

    private Seeds() {
    }

    public static long nextUniqueId() {
        return NEXT.incrementAndGet();
    }

    public static String providerOrderId(long uniqueId) {
        return OrderKeys.of(GatewayHttp.DEMO_PHARMACY, uniqueId);
    }

    public static String createOrder(long uniqueId) {
        return createOrder(uniqueId, j -> { });
    }

    public static String createOrder(long uniqueId, Consumer<ObjectNode> edit) {
        return edited("create-order-seed.json", j -> {
            j.put("bestrx_unique_order_id", uniqueId);
            edit.accept(j);
        });
    }

    /**
     * The seed as a same-day order that asks for nothing at the door: the demo pharmacy routes it to Connect (which
     * takes no signature; a same-day order asking for one is passed over to Pitney Bowes).
     */
    public static String connectOrder(long uniqueId) {
        return createOrder(uniqueId, j -> {
            j.put("service_level", "same_day");
            j.put("signature_required", "false");
        });
    }

    public static String cancelOrder(long uniqueId) {
        return edited("cancel-order-seed.json", j -> {
            j.put("bestrx_unique_order_id", uniqueId);
            j.putNull("provider_order_id");
            j.putNull("tracking_id");
        });
    }

    public static String edited(String seed, Consumer<ObjectNode> edit) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(GatewayHttp.seed(seed));
            edit.accept(json);
            return JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
