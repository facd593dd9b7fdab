package com.carriergateway.adapter.contract;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One documented behaviour of a carrier operation: given the sandbox in some state, when the adapter is
 * called, then the carrier received exactly these requests, in this order, and the adapter returned this
 * outcome. A case without expected requests asserts that the carrier received none.
 */
public final class ContractCase {

    final String name;
    final Operation operation;
    Consumer<WireMockServer> given = wm -> { };
    Function<CarrierAdapter, CarrierResult<?>> when;
    final List<ExpectedRequest> requests = new ArrayList<>();
    boolean anyRequests;
    Consumer<CarrierResult<?>> then = r -> { };

    private ContractCase(Operation operation, String name) {
        this.operation = operation;
        this.name = name;
    }

    public static ContractCase of(Operation operation, String name) {
        return new ContractCase(operation, name);
    }

    /** Puts the sandbox in a state first, e.g. a scenario or an extra stub. */
    public ContractCase given(Consumer<WireMockServer> given) {
        this.given = given;
        return this;
    }

    public ContractCase when(Function<CarrierAdapter, CarrierResult<?>> when) {
        this.when = when;
        return this;
    }

    /** The next request the carrier must receive. Call once per request, in order. */
    public ContractCase expectRequest(ExpectedRequest request) {
        this.requests.add(request);
        return this;
    }

    /** Skip request checking (only for cases about outcomes under faults). */
    public ContractCase anyRequests() {
        this.anyRequests = true;
        return this;
    }

    public ContractCase then(Consumer<CarrierResult<?>> then) {
        this.then = then;
        return this;
    }

    String displayName() {
        return operation + ": " + name;
    }

    void validate() {
        Objects.requireNonNull(when, () -> displayName() + " has no when()");
    }
}
