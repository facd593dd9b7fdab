package com.carriergateway.routes.order;

/**
 * The outcome of claiming an order key for a CreateOrder: either the stored first answer to replay, or the
 * right to book, and whether an earlier attempt may already have booked it (so the carrier is asked first).
 */
public record BookingClaim(String replay, boolean lookUpFirst) {

    public static BookingClaim replay(String storedAnswer) {
        return new BookingClaim(storedAnswer, false);
    }

    public static BookingClaim proceed(boolean lookUpFirst) {
        return new BookingClaim(null, lookUpFirst);
    }

    public boolean isReplay() {
        return replay != null;
    }
}
