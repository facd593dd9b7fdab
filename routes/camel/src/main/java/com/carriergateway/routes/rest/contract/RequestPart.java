package com.carriergateway.routes.rest.contract;

/**
 * A schema class of something BestRx sends. BestRx sends {@code null} (or a blank string) for a field it has no value
 * for, and the gateway reads both as absent: {@link BestRxSchemas} marks every optional field of such a class
 * nullable.
 */
public interface RequestPart {
}
