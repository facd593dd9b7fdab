package com.carriergateway.routes.bestrx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestRxJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty body             | ''                                   | empty",
            "blank body             | '   '                                | empty",
            "JSON array             | '[{\"bestrx_order_id\": 1}]'         | not an array",
            "JSON string            | '\"hello\"'                          | not a string",
            "JSON null              | 'null'                               | not null",
            "truncated object       | '{\"bestrx_order_id\": 1'            | not valid JSON",
            "trailing garbage       | '{\"a\": 1} xyz'                     | not valid JSON",
            "not JSON at all        | 'bestrx_order_id=1&name=Jane+Doe'    | not valid JSON",
    })
    void unreadableBodiesAreMalformedWithAPlainReason(String name, String body, String reason) {
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> BestRxJson.readObject(body));
        assertThat(p.httpStatus()).isEqualTo(400);
        assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.MALFORMED_BODY);
        assertThat(p.messages().get(0).text()).contains(reason);
        assertThat(p.messages().get(0).text()).doesNotContain("Jane");
    }

    @ParameterizedTest(name = "nesting {0}")
    @CsvSource({"40", "5000"})
    void deeplyNestedJsonIsRefusedBeforeItCostsMemory(int depth) {
        String body = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> BestRxJson.readObject(body));
        assertThat(p.messages().get(0).text()).contains("nested deeper than");
    }
}
