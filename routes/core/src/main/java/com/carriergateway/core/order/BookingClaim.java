package com.carriergateway.core.order;

import com.carriergateway.core.store.StoredOrder;

/**
 * The outcome of claiming an order key for a CreateOrder: the stored first answer to replay; an order booked without
 * an answer yet (a cancel's lookup or an operator recorded it), to answer now; or the right to book, and whether an
 * earlier attempt (with {@code previousCarrierId}) may already have booked it, so that carrier is asked first.
 */
record BookingClaim(String replay, StoredOrder bookedWithoutAnswer, boolean lookUpFirst, String previousCarrierId) {

    static BookingClaim replay(String storedAnswer) {
        return new BookingClaim(storedAnswer, null, false, null);
    }

    static BookingClaim bookedWithoutAnswer(StoredOrder order) {
        return new BookingClaim(null, order, false, null);
    }

    static BookingClaim proceed(boolean lookUpFirst, String previousCarrierId) {
        return new BookingClaim(null, null, lookUpFirst, previousCarrierId);
    }

    boolean isReplay() {
        return replay != null;
    }
}
