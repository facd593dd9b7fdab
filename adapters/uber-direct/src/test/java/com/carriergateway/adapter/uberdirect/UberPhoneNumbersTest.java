package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UberPhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6308939210        | +16308939210",
            "(630) 893-9210    | +16308939210",
            "630.893.9210      | +16308939210",
            "16308939210       | +16308939210",
            "1-630-893-9210    | +16308939210",
            "+1 (630) 893-9210 | +16308939210",
            "' 6305551111 '    | +16305551111"})
    void usNumbersBecomePlusAndDigits(String typed, String expected) {
        assertThat(UberPhoneNumbers.plusDigits(typed)).contains(expected);
        assertThat(expected).matches("^\\+[0-9]+$"); // Uber's own pattern
    }

    @ParameterizedTest
    @ValueSource(strings = {"45678946785", "630893921", "630-893-9210 x12", "630-893-921O", "+44 20 7946 0958",
            "", "   ", "call the front desk"})
    void anythingElseIsRefusedNotGuessed(String typed) {
        assertThat(UberPhoneNumbers.plusDigits(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void noNumberIsNoNumber() {
        assertThat(UberPhoneNumbers.plusDigits(null)).isEmpty();
    }
}
