package com.carriergateway.adapter.model;

/** File format of a label or manifest as the carrier issued it. */
public enum DocumentFormat { PNG, JPEG, GIF, BASE64, PDF, ZPL }
