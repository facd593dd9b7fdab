package com.carriergateway.routes.rest.contract;

/**
 * BestRx's loose values, as the gateway reads them ({@code FieldReader}), named so the contract's schema classes can
 * say which field takes which. Never instantiated: {@link BestRxSchemas} writes each as the JSON schema of what the
 * gateway accepts, e.g. an id as {@code oneOf: [integer, string of digits]}.
 */
public final class Loose {

    private Loose() {
    }

    /** A positive whole number: a JSON number, or digits in a string ({@code FieldReader.id}). */
    public static final class Id {
        private Id() {
        }
    }

    /** Money: a JSON number or a numeric string, an optional {@code $}, not negative ({@code FieldReader.amount}). */
    public static final class Amount {
        private Amount() {
        }
    }

    /** Yes or no: a JSON boolean, {@code "true"}/{@code "false"}/{@code "yes"}/{@code "no"}/{@code "1"}/{@code "0"} in any case, or 1/0. */
    public static final class Flag {
        private Flag() {
        }
    }

    /** Text that BestRx also sends as a JSON number (ncpdp, rx_number, consent_type…): the number is read as its text. */
    public static final class Text {
        private Text() {
        }
    }

    /** A US ZIP code: {@code 12345} or {@code 12345-6789} as text, or a number (leading zeros restored). */
    public static final class Zip {
        private Zip() {
        }
    }

    /** A dimension or weight: a number with a unit ({@code "2 in"}, {@code "8 oz"}) or a bare number (inches, ounces). */
    public static final class Measure {
        private Measure() {
        }
    }

    /** A date {@code YYYY-MM-DD}; a date-time is accepted and its date kept. */
    public static final class Date {
        private Date() {
        }
    }

    /** A list that BestRx may also send as its single element. */
    public static final class OneOrMany<T> {
        private OneOrMany() {
        }
    }
}
