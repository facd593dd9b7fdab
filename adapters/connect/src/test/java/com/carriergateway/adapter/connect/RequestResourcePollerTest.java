package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestResourcePollerTest {

    private final VirtualPacer pacer = new VirtualPacer();
    private final List<String> fetched = new ArrayList<>();

    @Test
    void waitsDoubleUpToTheCapUntilTheAnswerIsNo202() {
        RequestResourcePoller poller = poller(answers(202, 202, 202, 202, 200), secs(1), secs(4), secs(60));

        RequestResourcePoller.Outcome outcome = poller.poll("/api/connect/orders/1");

        assertThat(outcome).isInstanceOf(RequestResourcePoller.Answered.class);
        assertThat(((RequestResourcePoller.Answered) outcome).response().status()).isEqualTo(200);
        assertThat(((RequestResourcePoller.Answered) outcome).polls()).isEqualTo(5);
        assertThat(pacer.sleeps).containsExactly(secs(1), secs(2), secs(4), secs(4), secs(4));
        assertThat(fetched).hasSize(5).containsOnly("/api/connect/orders/1");
    }

    @Test
    void stopsBeforeAWaitWouldPassTheDeadline() {
        RequestResourcePoller poller = poller(answers(202, 202, 202, 202, 202, 202), secs(2), secs(60), secs(20));

        RequestResourcePoller.Outcome outcome = poller.poll("/loc");

        // 2 + 4 + 8 = 14 s; the next wait (16 s) would end at 30 s, past 20 s.
        assertThat(outcome).isEqualTo(new RequestResourcePoller.StillProcessing(3, secs(14)));
        assertThat(fetched).hasSize(3);
    }

    @Test
    void a422IsAFinalAnswer() {
        RequestResourcePoller.Outcome outcome = poller(answers(202, 422), secs(1), secs(1), secs(10)).poll("/loc");

        assertThat(((RequestResourcePoller.Answered) outcome).response().status()).isEqualTo(422);
    }

    @Test
    void noAnswerEndsPollingWithTheFailure() {
        CarrierResult<CarrierHttpResponse> reset = CarrierResult.transientFailure(
                CarrierError.of("connect", Category.UNAVAILABLE, "reset"), false);
        Deque<CarrierResult<CarrierHttpResponse>> queue = new ArrayDeque<>(List.of(ok(202), reset, ok(200)));
        RequestResourcePoller poller = new RequestResourcePoller(l -> {
            fetched.add(l);
            return queue.pop();
        }, pacer, secs(1), secs(1), secs(10));

        assertThat(poller.poll("/loc")).isEqualTo(new RequestResourcePoller.NoAnswer(reset, 2));
    }

    @Test
    void theSystemPacerReallyWaits() {
        Deque<CarrierResult<CarrierHttpResponse>> queue = new ArrayDeque<>(List.of(ok(202), ok(200)));
        RequestResourcePoller poller = new RequestResourcePoller(l -> queue.pop(), RequestResourcePoller.Pacer.SYSTEM,
                Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(5));
        long start = System.nanoTime();

        RequestResourcePoller.Outcome outcome = poller.poll("/loc");

        assertThat(outcome).isInstanceOf(RequestResourcePoller.Answered.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    private RequestResourcePoller poller(Deque<CarrierResult<CarrierHttpResponse>> answers, Duration initial,
                                         Duration max, Duration deadline) {
        return new RequestResourcePoller(l -> {
            fetched.add(l);
            return answers.pop();
        }, pacer, initial, max, deadline);
    }

    private static Deque<CarrierResult<CarrierHttpResponse>> answers(int... statuses) {
        Deque<CarrierResult<CarrierHttpResponse>> q = new ArrayDeque<>();
        for (int s : statuses) {
            q.add(ok(s));
        }
        return q;
    }

    private static CarrierResult<CarrierHttpResponse> ok(int status) {
        return CarrierResult.success(new CarrierHttpResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), ""));
    }

    private static Duration secs(long s) {
        return Duration.ofSeconds(s);
    }
}
