package com.carriergateway.core.order;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.core.answer.Message;
import java.util.List;

/** Suggested addresses for a ValidateAddress, and what the pharmacy should know about them. */
public record AddressAnswer(List<Address> suggestions, List<Message> messages) {
}
