package com.carriergateway.adapter.model;

import java.util.List;

/**
 * The carrier's view of an address: whether it is deliverable as given, and the addresses it suggests
 * (the corrected form first). An empty list means nothing matched.
 */
public record AddressCheck(boolean deliverableAsGiven, List<Address> suggestions) {

    public AddressCheck {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
