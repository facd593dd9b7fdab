package com.carriergateway.app.console;

import com.carriergateway.core.activity.ActivityStore;
import com.carriergateway.core.outbox.DeadLetterReplay;
import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.outbox.PharmacyDeliveries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UpdateOrderStatus deliveries to BestRx: per pharmacy what waits (never tried, retrying, dead), each waiting
 * callback with its attempts and last error, the latest attempts as they go out, and the replay of one dead letter
 * or all of a pharmacy's (through {@link DeadLetterReplay}, as the admin API does).
 */
@Controller
class ConsoleDeliveriesController {

    private static final int PER_PHARMACY = 100;
    private static final int RECENT = 25;

    private final OutboxStore outbox;
    private final ActivityStore activity;
    private final DeadLetterReplay replay;
    private final ConsoleOrdersController orders;

    ConsoleDeliveriesController(OutboxStore outbox, ActivityStore activity, DeadLetterReplay replay,
                                ConsoleOrdersController orders) {
        this.outbox = outbox;
        this.activity = activity;
        this.replay = replay;
        this.orders = orders;
    }

    @GetMapping("/console/deliveries")
    String deliveries(Model model) {
        fill(model);
        return "console/deliveries";
    }

    /** The part of the page that refreshes itself every few seconds (htmx), to watch replayed callbacks go out. */
    @GetMapping("/console/deliveries/live")
    String live(Model model) {
        fill(model);
        return "console/deliveries :: live";
    }

    @PostMapping("/console/deliveries/{callbackId}/replay")
    String replayOne(@PathVariable long callbackId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", replay.one(callbackId) ? 1 : 0);
        return "redirect:/console/deliveries";
    }

    @PostMapping("/console/deliveries/pharmacy/{pharmacyId}/replay")
    String replayPharmacy(@PathVariable String pharmacyId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", replay.ofPharmacy(pharmacyId));
        return "redirect:/console/deliveries";
    }

    private void fill(Model model) {
        List<PharmacyDeliveries> summary = outbox.deliveriesByPharmacy();
        Map<String, List<OutboxEntry>> waiting = new LinkedHashMap<>();
        for (PharmacyDeliveries p : summary) {
            waiting.put(p.pharmacyId(), outbox.unsent(p.pharmacyId(), PER_PHARMACY));
        }
        model.addAttribute("summary", summary);
        model.addAttribute("waiting", waiting);
        model.addAttribute("recent", activity.recentCallbackAttempts(null, RECENT));
        model.addAttribute("pharmacyNames", orders.pharmacyNames());
    }
}
