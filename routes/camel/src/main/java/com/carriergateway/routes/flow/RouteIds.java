package com.carriergateway.routes.flow;

/** Route ids and endpoints: stable names for tests (AdviceWith) and operators. */
public final class RouteIds {

    public static final String CREATE_ORDER = "create-order";
    public static final String CANCEL_ORDER = "cancel-order";
    public static final String VALIDATE_ADDRESS = "validate-address";

    public static final String CREATE_ORDER_URI = "direct:" + CREATE_ORDER;
    public static final String CANCEL_ORDER_URI = "direct:" + CANCEL_ORDER;
    public static final String VALIDATE_ADDRESS_URI = "direct:" + VALIDATE_ADDRESS;

    /** The shared error handling every BestRx route opts into. */
    public static final String BESTRX_ERRORS = "bestrx-errors";

    private RouteIds() {
    }
}
