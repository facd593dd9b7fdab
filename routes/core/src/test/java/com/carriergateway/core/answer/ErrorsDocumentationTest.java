package com.carriergateway.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.answer.MessageCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** errors.md is the contract with integrators: every code the gateway can send is documented there. */
class ErrorsDocumentationTest {

    @Test
    void everyMessageCodeIsDocumentedWithItsHttpStatus() throws Exception {
        String doc = Files.readString(Path.of("..", "..", "src", "site", "markdown", "errors.md"));
        for (MessageCode code : MessageCode.values()) {
            assertThat(doc).as(code.name()).containsPattern("\\| " + code.code() + " \\| [^|]*" + code.httpStatus());
        }
    }
}
