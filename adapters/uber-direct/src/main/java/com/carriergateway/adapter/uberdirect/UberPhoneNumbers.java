package com.carriergateway.adapter.uberdirect;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as Uber accepts them: {@code ^\+[0-9]+$}, a plus and digits only. BestRx sends US numbers in whatever
 * format the pharmacy typed, so punctuation is dropped and the country code added; anything that is not plainly a US
 * number (letters, an extension, a wrong digit count) is refused rather than guessed, because a courier who cannot
 * reach the recipient cannot hand over a prescription. No I/O; the number itself is never put in a message.
 */
final class UberPhoneNumbers {

    /** What a typed US number may contain besides digits. */
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 ()./-]+");

    private UberPhoneNumbers() {
    }

    /**
     * {@code +1} and ten digits for a ten-digit number, {@code +} and eleven digits for an eleven-digit number starting
     * with 1; empty for anything else.
     */
    static Optional<String> plusDigits(String typed) {
        if (typed == null || !TYPED.matcher(typed.trim()).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            return Optional.of("+1" + digits);
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return Optional.of("+" + digits);
        }
        return Optional.empty();
    }
}
