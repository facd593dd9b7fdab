package com.carriergateway.app.console;

import com.carriergateway.core.activity.ActivityStore;
import com.carriergateway.core.activity.WebhookReceipt;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Recent inbound carrier webhooks: how each call ended (accepted, duplicate, ignored, refused and why), with counts
 * and the order it concerned. Never a body: a carrier's event can name the recipient or the signer.
 */
@Controller
class ConsoleWebhooksController {

    private static final int LIMIT = 100;

    private final ActivityStore activity;
    private final CarrierRegistry carriers;

    ConsoleWebhooksController(ActivityStore activity, CarrierRegistry carriers) {
        this.activity = activity;
        this.carriers = carriers;
    }

    @GetMapping("/console/webhooks")
    String webhooks(@RequestParam(defaultValue = "") String carrier, @RequestParam(defaultValue = "") String outcome,
                    Model model) {
        WebhookReceipt.Outcome chosen = Arrays.stream(WebhookReceipt.Outcome.values())
                .filter(o -> o.name().equals(outcome)).findFirst().orElse(null);
        model.addAttribute("receipts", activity.recentWebhooks(carrier.isBlank() ? null : carrier, chosen, LIMIT));
        model.addAttribute("carrier", carrier);
        model.addAttribute("outcome", chosen == null ? "" : chosen.name());
        model.addAttribute("carrierIds", carriers.ids());
        model.addAttribute("outcomes", WebhookReceipt.Outcome.values());
        return "console/webhooks";
    }
}
