package com.carriergateway.app.console;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.outbox.DeadLetterReplay;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.store.OrderSearch;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import com.carriergateway.core.order.ReconcileBooking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's orders: a search with filters and paging, and one order's page with its timeline, where an operator
 * replays its dead letters or reconciles a booking whose outcome is unknown.
 */
@Controller
class ConsoleOrdersController {

    private final OrderSearch search;
    private final OrderTimeline timeline;
    private final OutboxStore outbox;
    private final DeadLetterReplay replay;
    private final ReconcileBooking reconcile;
    private final PharmacyDirectory pharmacies;
    private final CarrierRegistry carriers;
    private final ConsoleProperties props;

    ConsoleOrdersController(OrderSearch search, OrderTimeline timeline, OutboxStore outbox, DeadLetterReplay replay,
                            ReconcileBooking reconcile, PharmacyDirectory pharmacies, CarrierRegistry carriers,
                            ConsoleProperties props) {
        this.reconcile = reconcile;
        this.search = search;
        this.timeline = timeline;
        this.outbox = outbox;
        this.replay = replay;
        this.pharmacies = pharmacies;
        this.carriers = carriers;
        this.props = props;
    }

    @GetMapping("/console/orders")
    String orders(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String pharmacy,
                  @RequestParam(defaultValue = "") String carrier, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        OrderSearch.Page result = search.find(new OrderSearch.Query(id, pharmacy, carrier, status,
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                page, props.getPageSize()));
        model.addAttribute("page", result);
        model.addAttribute("id", id);
        model.addAttribute("pharmacy", pharmacy);
        model.addAttribute("carrier", carrier);
        model.addAttribute("status", status);
        model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
        model.addAttribute("to", toDay == null ? "" : toDay.toString());
        model.addAttribute("pharmacyNames", pharmacyNames());
        model.addAttribute("carrierIds", carriers.ids());
        model.addAttribute("statuses", statuses());
        // htmx asks for the results only (the search form stays as typed)
        return htmx != null ? "console/orders :: results" : "console/orders";
    }

    @GetMapping("/console/orders/{providerOrderId}")
    String order(@PathVariable String providerOrderId, Model model) {
        OrderSummary order = search.byId(providerOrderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        model.addAttribute("pharmacyName", pharmacies.byId(order.pharmacyId()).map(PharmacyAccount::name)
                .orElse(null));
        model.addAttribute("timeline", timeline.of(providerOrderId));
        model.addAttribute("callbacks", outbox.entries(providerOrderId));
        return "console/order";
    }

    @PostMapping("/console/orders/{providerOrderId}/replay")
    String replayOrder(@PathVariable String providerOrderId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", replay.ofOrder(providerOrderId));
        redirect.addAttribute("providerOrderId", providerOrderId);
        return "redirect:/console/orders/{providerOrderId}";
    }

    /**
     * The operator's finding for a booking whose outcome is unknown ({@link ReconcileBooking}): "found" with the
     * carrier's ids, or "not found". What it came to is flashed on the order page.
     */
    @PostMapping("/console/orders/{providerOrderId}/reconcile")
    String reconcile(@PathVariable String providerOrderId, @RequestParam(defaultValue = "") String found,
                     @RequestParam(required = false) String carrierOrderId,
                     @RequestParam(required = false) String trackingId, RedirectAttributes redirect) {
        String outcome;
        try {
            ReconcileBooking.Finding finding = found.equals("yes")
                    ? new ReconcileBooking.AtCarrier(carrierOrderId, trackingId == null || trackingId.isBlank()
                            ? null : trackingId)
                    : new ReconcileBooking.NotAtCarrier();
            ReconcileBooking.Result result = reconcile.reconcile(new ReconcileBooking.Command(providerOrderId, finding));
            if (result instanceof ReconcileBooking.NoSuchOrder) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            outcome = result instanceof ReconcileBooking.Reconciled
                    ? (finding instanceof ReconcileBooking.AtCarrier
                            ? "Booked with the carrier's ids; BestRx's next CreateOrder is answered with them."
                            : "Marked as not at the carrier; BestRx's next CreateOrder books it.")
                    : "Nothing to reconcile: the order is not waiting for an operator.";
        } catch (IllegalArgumentException e) {
            outcome = "Not reconciled: " + e.getMessage();
        }
        redirect.addFlashAttribute("reconciled", outcome);
        redirect.addAttribute("providerOrderId", providerOrderId);
        return "redirect:/console/orders/{providerOrderId}";
    }

    Map<String, String> pharmacyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (PharmacyAccount p : pharmacies.all()) {
            names.put(p.pharmacyId(), p.name() == null || p.name().isBlank() ? p.pharmacyId() : p.name());
        }
        return names;
    }

    private static List<String> statuses() {
        List<String> all = new ArrayList<>();
        for (OrderState s : OrderState.values()) {
            all.add(s.name());
        }
        for (DeliveryStatus s : DeliveryStatus.values()) {
            if (!all.contains(s.name())) {
                all.add(s.name());
            }
        }
        return all;
    }

    private static LocalDate day(String text) {
        try {
            return Optional.ofNullable(text).filter(t -> !t.isBlank()).map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
