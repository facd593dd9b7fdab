package com.carriergateway.app.console;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.core.activity.ActivityStore;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.ResilientCarrierAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The carriers: per instance its circuit state, recent error rate and latency, last success, token state and latest
 * calls; and a "test connection" that asks the carrier for an order that does not exist (a lookup by the gateway's
 * key: read-only, books nothing), through the same breaker and token as real traffic.
 */
@Controller
class ConsoleCarriersController {

    /** An order key no order has: the lookup's only possible answers are "no such order" or a failure. */
    static final String PROBE_KEY = "CG-CONNECTION-TEST";
    private static final Logger log = LoggerFactory.getLogger(ConsoleCarriersController.class);
    private static final int LAST_CALLS = 10;

    private final CarrierRegistry carriers;
    private final ActivityStore activity;
    private final ConsoleProperties props;
    private final Clock clock;

    ConsoleCarriersController(CarrierRegistry carriers, ActivityStore activity, ConsoleProperties props, Clock clock) {
        this.carriers = carriers;
        this.activity = activity;
        this.props = props;
        this.clock = clock;
    }

    @GetMapping("/console/carriers")
    String carriers(Model model) {
        List<CarrierHealth> all = new ArrayList<>();
        for (String id : carriers.ids()) {
            all.add(health(id));
        }
        model.addAttribute("carriers", all);
        model.addAttribute("window", props.getCarrierWindow());
        return "console/carriers";
    }

    @GetMapping("/console/carriers/{carrierId}")
    String carrier(@PathVariable String carrierId, Model model) {
        known(carrierId);
        model.addAttribute("carriers", List.of(health(carrierId)));
        model.addAttribute("window", props.getCarrierWindow());
        model.addAttribute("single", true);
        return "console/carriers";
    }

    @PostMapping("/console/carriers/{carrierId}/test")
    String test(@PathVariable String carrierId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes redirect) {
        CarrierAdapter carrier = known(carrierId);
        String result = testConnection(carrier);
        log.info("console: connection test of {}: {}", carrierId, result);
        if (htmx != null) {
            model.addAttribute("carrierId", carrierId);
            model.addAttribute("testResult", result);
            return "console/carriers :: test-result";
        }
        redirect.addFlashAttribute("tested", carrierId);
        redirect.addFlashAttribute("testResult", result);
        redirect.addAttribute("carrierId", carrierId);
        return "redirect:/console/carriers/{carrierId}";
    }

    private static String testConnection(CarrierAdapter carrier) {
        if (!carrier.capabilities().contains(Operation.FIND_ORDER)) {
            return "not tested: " + carrier.carrierId() + " offers no read-only lookup to test with";
        }
        CarrierResult<Optional<CarrierOrder>> answer = carrier.findOrder(PROBE_KEY);
        if (answer.isSuccess()) {
            return "OK: " + carrier.carrierId() + " answered (authenticated; no order " + PROBE_KEY + ", as expected)";
        }
        return answer.failure().map(f -> "FAILED: " + f.category() + " (" + f.summary() + ")")
                .orElse("FAILED: " + answer);
    }

    private CarrierAdapter known(String carrierId) {
        if (!carriers.has(carrierId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return carriers.get(carrierId);
    }

    private CarrierHealth health(String carrierId) {
        CarrierAdapter carrier = carriers.get(carrierId);
        String circuit = "n/a";
        float failureRate = -1;
        int buffered = 0;
        if (carrier instanceof ResilientCarrierAdapter resilient) {
            CircuitBreaker breaker = resilient.circuitBreaker();
            circuit = breaker.getState().name();
            failureRate = breaker.getMetrics().getFailureRate();
            buffered = breaker.getMetrics().getNumberOfBufferedCalls();
        }
        List<String> operations = carrier.capabilities().stream().map(Enum::name).sorted().toList();
        return new CarrierHealth(carrierId, operations, circuit, failureRate, buffered,
                activity.carrierCallStats(carrierId, clock.instant().minus(props.getCarrierWindow())),
                carrier.accessToken().orElse(null), activity.recentCarrierCalls(carrierId, LAST_CALLS));
    }
}
