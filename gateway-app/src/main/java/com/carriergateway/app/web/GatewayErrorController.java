package com.carriergateway.app.web;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.routes.http.RequestIds;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever the servlet container or Spring answers on its own (unknown path, wrong method, a failure before
 * the flows) is answered as a BestRx envelope too: never a stack trace, never an HTML page.
 */
@RestController
public class GatewayErrorController implements ErrorController {

    private final EnvelopeWriter envelopes;

    public GatewayErrorController(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    @RequestMapping("/error")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttr instanceof Integer i ? i : 500;
        MessageCode code = switch (status) {
            case 404 -> MessageCode.UNKNOWN_PATH;
            case 405 -> MessageCode.METHOD_NOT_ALLOWED;
            case 413 -> MessageCode.PAYLOAD_TOO_LARGE;
            case 415 -> MessageCode.UNSUPPORTED_MEDIA_TYPE;
            case 400 -> MessageCode.MALFORMED_BODY;
            case 401 -> MessageCode.UNAUTHORIZED;
            default -> status >= 500 ? MessageCode.INTERNAL_ERROR : MessageCode.INVALID_REQUEST;
        };
        String text = switch (code) {
            case UNKNOWN_PATH -> "There is nothing at this path. The BestRx calls are POST /Order/CreateOrder, "
                    + "POST /Order/CancelOrder and POST /Address/ValidateAddress.";
            case METHOD_NOT_ALLOWED -> "This path does not accept that HTTP method; the BestRx calls are POSTs.";
            case INTERNAL_ERROR -> "The gateway failed to process this request.";
            default -> "The request could not be processed (HTTP " + status + ").";
        };
        String requestId = RequestIdFilter.of(request);
        String body = envelopes.write(BestRxOperation.OTHER, false, null, List.of(Message.error(code, text)), requestId);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId).header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
