package com.carriergateway.routes.order;

/**
 * The outcome of claiming an order key for a CreateOrder: either the stored first answer to replay, or the
 * right to book, and whether an earlier attempt (with {@code previousCarrierId}) may already have booked it,
 * so that carrier is asked first.
 */
public record BookingClaim(String replay, boolean lookUpFirst, String previousCarrierId) {

    public static BookingClaim replay(String storedAnswer) {
        return new BookingClaim(storedAnswer, false, null);
    }

    public static BookingClaim proceed(boolean lookUpFirst, String previousCarrierId) {
        return new BookingClaim(null, lookUpFirst, previousCarrierId);
    }

    public boolean isReplay() {
        return replay != null;
    }
}
