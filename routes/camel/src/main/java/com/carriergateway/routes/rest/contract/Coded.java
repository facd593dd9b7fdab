package com.carriergateway.routes.rest.contract;

/**
 * Values of the gateway's answers drawn from a code table: the message codes ({@code MessageCode}) and BestRx's
 * tables as configured ({@code gateway.bestrx.*}). {@link BestRxSchemas} writes each as an enum of the codes this
 * gateway runs with, so the document cannot list a code the gateway never sends, nor miss one.
 */
public final class Coded {

    private Coded() {
    }

    /** {@code message_code}: every code of {@code MessageCode}. */
    public static final class MessageCode {
        private MessageCode() {
        }
    }

    /** {@code message_type}: BestRx's message types by their configured numbers. */
    public static final class MessageType {
        private MessageType() {
        }
    }

    /** {@code order_status.status_code}: the configured BestRx status codes. */
    public static final class StatusCode {
        private StatusCode() {
        }
    }

    /** {@code label_file_type} / {@code manifesto_file_type}: the configured file type numbers, or null. */
    public static final class FileType {
        private FileType() {
        }
    }

    /** {@code request_is_valid} of an error answer: false, as text or as a boolean depending on the call. */
    public static final class Invalid {
        private Invalid() {
        }
    }
}
