package com.carriergateway.core.carrier;

import com.carriergateway.core.activity.CarrierCall;
import java.util.function.Consumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every call to a carrier, timed, by carrier instance, operation and outcome ({@code success}, or the failure's
 * category: {@code timeout}, {@code unavailable}, {@code refused}…; {@code circuit_open} and {@code bulkhead_full}
 * for calls the breaker or the bulkhead did not let through, which take no time). A histogram with fixed buckets from
 * 50 ms to 30 s gives the carriers' p95 and p99 at a few series per carrier.
 */
public final class CarrierCallMetrics implements Consumer<CarrierCall> {

    public static final String NAME = "gateway.carrier.calls";

    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry meters;

    public CarrierCallMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void accept(CarrierCall call) {
        Timer.builder(NAME).description("Calls to carriers by operation and outcome")
                .tag("carrier", call.carrierId()).tag("operation", call.operation().name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome(call))
                .serviceLevelObjectives(BUCKETS)
                .register(meters).record(call.latencyMs(), TimeUnit.MILLISECONDS);
    }

    /** {@code success}, {@code refused}, or the failure's category (also for calls not made). */
    static String outcome(CarrierCall call) {
        return switch (call.outcome()) {
            case SUCCESS -> "success";
            case REFUSED -> "refused";
            default -> call.category() == null ? "not_supported" : call.category().toLowerCase(Locale.ROOT);
        };
    }
}
