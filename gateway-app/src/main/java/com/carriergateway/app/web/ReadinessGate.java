package com.carriergateway.app.web;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.routes.http.RequestIds;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} on the BestRx and carrier-webhook paths while the gateway is not ready
 * to serve them: from the moment the port opens until startup has finished (Camel's routes started, the runners
 * done), and from the moment shutdown begins. Without it, a restarted gateway answered BestRx's resends
 * {@code 404 DIS0010} for the seconds between opening its port and starting its routes (44 of 120 in one run), and
 * BestRx and carriers read a 404 as final. Readiness is Spring Boot's own ({@code /actuator/health/readiness}): a
 * load balancer and this gate see the same thing.
 */
public class ReadinessGate extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final EnvelopeWriter envelopes;
    private final int retryAfterSeconds;

    public ReadinessGate(ApplicationAvailability availability, EnvelopeWriter envelopes, int retryAfterSeconds) {
        this.availability = availability;
        this.envelopes = envelopes;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        String requestId = RequestIdFilter.of(request);
        response.setStatus(503);
        response.setContentType("application/json");
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader("Cache-Control", "no-store");
        String text = "The gateway is starting or stopping and is not taking requests; nothing was done. Send the "
                + "request again in " + retryAfterSeconds + " seconds.";
        if (request.getRequestURI().contains("/webhooks/")) {
            // a carrier, not BestRx: the webhooks' own JSON error shape
            response.getWriter().write("{\"error\":\"unavailable\",\"message\":\"" + text + "\",\"request_id\":\""
                    + requestId + "\"}");
        } else {
            response.getWriter().write(envelopes.write(BestRxOperation.OTHER, false, null,
                    List.of(Message.error(MessageCode.NOT_READY, text)), requestId));
        }
    }
}
