package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * Connect's asynchronous "request resource": after a 201 with a {@code Location}, GET it until it stops
 * answering 202. The waits grow exponentially from the initial delay up to the maximum, and polling stops
 * before a wait would pass the overall deadline. Superloop asks for a sensible rate and gives no number.
 */
final class RequestResourcePoller {

    /**
     * Elapsed time and waiting. Deliberately not the gateway's {@link java.time.Clock}: a deadline measures
     * elapsed time, and tests replace this to run the real schedule without sleeping.
     */
    interface Pacer {
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;

        Pacer SYSTEM = new Pacer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /** How polling ended. */
    sealed interface Outcome permits Answered, StillProcessing, NoAnswer {
    }

    /** Connect gave its final answer: 200 with the resource, 422 with errors, or any other status. */
    record Answered(CarrierHttpResponse response, int polls) implements Outcome {
    }

    /** Still 202 when the deadline came: the operation may yet complete. */
    record StillProcessing(int polls, Duration waited) implements Outcome {
    }

    /** A poll got no usable answer (transport or token failure). */
    record NoAnswer(CarrierResult<CarrierHttpResponse> failure, int polls) implements Outcome {
    }

    private final Function<String, CarrierResult<CarrierHttpResponse>> fetch;
    private final Pacer pacer;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration deadline;

    RequestResourcePoller(Function<String, CarrierResult<CarrierHttpResponse>> fetch, Pacer pacer,
                          Duration initialDelay, Duration maxDelay, Duration deadline) {
        this.fetch = fetch;
        this.pacer = pacer;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.deadline = deadline;
    }

    /** Waits the initial delay, then GETs {@code location} until it is no longer 202 or the deadline nears. */
    Outcome poll(String location) {
        long start = pacer.nanoTime();
        Duration delay = initialDelay;
        int polls = 0;
        while (true) {
            Duration waited = Duration.ofNanos(pacer.nanoTime() - start);
            if (waited.plus(delay).compareTo(deadline) > 0) {
                return new StillProcessing(polls, waited);
            }
            try {
                pacer.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new StillProcessing(polls, Duration.ofNanos(pacer.nanoTime() - start));
            }
            polls++;
            CarrierResult<CarrierHttpResponse> result = fetch.apply(location);
            if (!(result instanceof CarrierResult.Success<CarrierHttpResponse> answer)) {
                return new NoAnswer(result, polls);
            }
            if (answer.value().status() != 202) {
                return new Answered(answer.value(), polls);
            }
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        }
    }
}
