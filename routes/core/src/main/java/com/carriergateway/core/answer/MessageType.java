package com.carriergateway.core.answer;

/** BestRx's message types, in BestRx's documented order. Their numbers are configuration (unconfirmed). */
public enum MessageType { INFORMATION, WARNING, ERROR, SUCCESS, UNKNOWN }
