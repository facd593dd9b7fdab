package com.carriergateway.routes.bestrx;

/** The BestRx calls the gateway serves; the envelope's details differ between them. */
public enum BestRxOperation { CREATE_ORDER, CANCEL_ORDER, VALIDATE_ADDRESS, OTHER }
