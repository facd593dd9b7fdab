package com.carriergateway.adapter;

/** The operations a carrier adapter may offer. What it offers is {@link CarrierAdapter#capabilities()}. */
public enum Operation {
    CREATE_ORDER,
    /** Find an order by the gateway's order key: how a create whose answer was lost is recovered. */
    FIND_ORDER,
    CANCEL_ORDER,
    GET_STATUS,
    VALIDATE_ADDRESS,
    PARSE_WEBHOOK
}
