package com.carriergateway.routes.rest;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.routes.http.RequestIds;
import com.carriergateway.routes.rest.contract.ErrorAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * The parts of the BestRx calls' REST DSL that only document them: the request body with BestRx's published example,
 * and the answers, an error answer per HTTP status the gateway uses ({@link MessageCode}), with examples written by
 * the gateway's own {@link EnvelopeWriter}. Read when the API document is built; nothing here runs per request.
 */
final class BestRxResponses {

    static final String JSON = "application/json";
    /** BestRx's published examples, the document's request examples and the tests' seeds. */
    static final String EXAMPLES = "/bestrx/";

    private final EnvelopeWriter envelopes;

    BestRxResponses(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    /** The request body, with BestRx's published example of it. */
    static ParamDefinition body(String description, String seed) {
        return new ParamDefinition().name("body").type(RestParamType.body).required(true).description(description)
                .example(JSON, example(seed));
    }

    /** The caller's own request id, honoured when sane. */
    static ParamDefinition requestIdHeader() {
        return new ParamDefinition().name(RequestIds.HEADER).type(RestParamType.header).required(false)
                .description("Your id for this call, kept when it is 1–64 characters of [A-Za-z0-9._:-]; otherwise "
                        + "the gateway makes one. Always sent back as X-Request-ID.");
    }

    /** The 200 answer: its schema, what it may carry, and the answer the demo gateway gave to BestRx's example. */
    static ResponseMessageDefinition ok(Class<?> schema, String description, String answerExample) {
        return withRequestId(new ResponseMessageDefinition().code(200).message(description).responseModel(schema)
                .example("answer to BestRx's example", example(answerExample)));
    }

    /**
     * One error answer per HTTP status a {@link MessageCode} is answered with, naming its codes. {@code 429} and the
     * {@code 503} of a gateway that is starting or stopping carry Retry-After.
     */
    List<ResponseMessageDefinition> errors(BestRxOperation operation) {
        Map<Integer, List<MessageCode>> byStatus = new TreeMap<>();
        for (MessageCode code : MessageCode.values()) {
            if (code.httpStatus() >= 400) {
                byStatus.computeIfAbsent(code.httpStatus(), s -> new ArrayList<>()).add(code);
            }
        }
        List<ResponseMessageDefinition> answers = new ArrayList<>();
        byStatus.forEach((status, codes) -> {
            ResponseMessageDefinition answer = withRequestId(new ResponseMessageDefinition().code(status)
                    .message(codes.stream().map(c -> c.code() + " " + c.name().toLowerCase().replace('_', ' '))
                            .collect(Collectors.joining("; ")))
                    .responseModel(ErrorAnswer.class));
            if (status == MessageCode.RATE_LIMITED.httpStatus() || status == MessageCode.NOT_READY.httpStatus()) {
                answer.header("Retry-After").dataType("integer")
                        .description("Seconds to wait before sending the same request again (with DIS0009 and "
                                + "DIS0013).").endHeader();
            }
            Message sample = sample(status);
            if (sample != null) {
                answer.example(sample.code().code(), envelopes.write(
                        status == MessageCode.NOT_READY.httpStatus() ? BestRxOperation.OTHER : operation, false, null,
                        List.of(sample), "req_6c4bd670-e65e-4f62-83e3-3e08c0f186fa"));
            }
            answers.add(answer);
        });
        return answers;
    }

    /** An example message for the statuses BestRx meets most; the others are described by their codes alone. */
    private static Message sample(int status) {
        return switch (status) {
            case 400 -> Message.fieldError(MessageCode.INVALID_REQUEST, "bestrx_unique_order_id",
                    "bestrx_unique_order_id: must be a positive whole number");
            case 401 -> Message.error(MessageCode.UNAUTHORIZED,
                    "Authentication required: send the pharmacy's HTTP Basic credential.");
            case 503 -> Message.error(MessageCode.NOT_READY, "The gateway is starting or stopping and is not taking "
                    + "requests; nothing was done. Send the request again in 5 seconds.");
            default -> null;
        };
    }

    private static ResponseMessageDefinition withRequestId(ResponseMessageDefinition answer) {
        return answer.header(RequestIds.HEADER).dataType("string")
                .description("This call's id: quote it to the gateway's operator.").endHeader();
    }

    static String example(String name) {
        try (InputStream in = BestRxResponses.class.getResourceAsStream(EXAMPLES + name)) {
            if (in == null) {
                throw new IllegalStateException("no example " + EXAMPLES + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
