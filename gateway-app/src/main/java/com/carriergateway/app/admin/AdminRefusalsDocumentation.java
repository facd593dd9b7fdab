package com.carriergateway.app.admin;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents, on every admin operation, the two answers {@link AdminAuthenticationFilter} gives before any controller
 * runs: 401 for no or a wrong credential, 429 after too many wrong ones ({@link FailedSignIns}). Said once here
 * rather than on each controller.
 */
final class AdminRefusalsDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().equals(AdminRefusalsDocumentation.class.getPackageName())) {
            return operation;
        }
        operation.getResponses()
                .addApiResponse("401", problem("No or a wrong admin credential."))
                .addApiResponse("429", problem("Too many wrong admin credentials lately (gateway.admin."
                        + "max-failed-sign-ins per failed-sign-in-window): none is checked until Retry-After has "
                        + "passed."));
        return operation;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/AdminProblem"))));
    }
}
