package com.carriergateway.adapter;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The typed outcome of every adapter call. Adapters never throw for a carrier's answer: they return one of
 * these, so callers decide retries and envelopes from the type alone.
 */
public sealed interface CarrierResult<T>
        permits CarrierResult.Success, CarrierResult.Refused, CarrierResult.TransientFailure,
                CarrierResult.PermanentFailure, CarrierResult.NotSupported {

    /** The carrier did it. {@code warnings} are carrier remarks that did not stop it. */
    record Success<T>(T value, List<String> warnings) implements CarrierResult<T> {
        public Success {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** A business refusal: the request was understood and declined for a reason the pharmacy can act on. */
    record Refused<T>(CarrierError error) implements CarrierResult<T> {
    }

    /**
     * Worth trying again later. {@code outcomeUnknown} is true when the request may have taken effect
     * (no answer after sending, or an unreadable success): a create must then look up before retrying.
     */
    record TransientFailure<T>(CarrierError error, boolean outcomeUnknown) implements CarrierResult<T> {
    }

    /** Trying again will not help without a change (bad credentials, rejected content, unknown order). */
    record PermanentFailure<T>(CarrierError error) implements CarrierResult<T> {
    }

    /** This carrier does not offer the operation. */
    record NotSupported<T>(String carrierId, Operation operation) implements CarrierResult<T> {
    }

    static <T> CarrierResult<T> success(T value) {
        return new Success<>(value, List.of());
    }

    static <T> CarrierResult<T> refused(CarrierError error) {
        return new Refused<>(error);
    }

    static <T> CarrierResult<T> transientFailure(CarrierError error, boolean outcomeUnknown) {
        return new TransientFailure<>(error, outcomeUnknown);
    }

    static <T> CarrierResult<T> permanentFailure(CarrierError error) {
        return new PermanentFailure<>(error);
    }

    static <T> CarrierResult<T> notSupported(String carrierId, Operation operation) {
        return new NotSupported<>(carrierId, operation);
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The value of a success; throws for any other outcome (a programming error, not a carrier error). */
    default T value() {
        if (this instanceof Success<T> s) {
            return s.value();
        }
        throw new IllegalStateException("not a success: " + this);
    }

    default Optional<CarrierError> failure() {
        if (this instanceof Refused<T> r) {
            return Optional.of(r.error());
        }
        if (this instanceof TransientFailure<T> t) {
            return Optional.of(t.error());
        }
        if (this instanceof PermanentFailure<T> p) {
            return Optional.of(p.error());
        }
        return Optional.empty();
    }

    /**
     * Continues a success with {@code next}, keeping this success's warnings ahead of the next outcome's; every other
     * outcome keeps its error and changes only its type.
     */
    @SuppressWarnings("unchecked")
    default <R> CarrierResult<R> flatMap(Function<? super T, CarrierResult<R>> next) {
        if (this instanceof Success<T> s) {
            CarrierResult<R> result = next.apply(s.value());
            if (!s.warnings().isEmpty() && result instanceof Success<R> r) {
                List<String> all = new java.util.ArrayList<>(s.warnings());
                all.addAll(r.warnings());
                return new Success<>(r.value(), all);
            }
            return result;
        }
        return (CarrierResult<R>) this;
    }

    /** Converts a success's value; every other outcome keeps its error and changes only its type. */
    @SuppressWarnings("unchecked")
    default <R> CarrierResult<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Success<T> s) {
            return new Success<>(f.apply(s.value()), s.warnings());
        }
        return (CarrierResult<R>) this;
    }
}
