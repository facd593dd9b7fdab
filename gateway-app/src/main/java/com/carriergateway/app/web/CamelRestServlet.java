package com.carriergateway.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;

/**
 * Camel's servlet, mapped by the app to the REST DSL's paths only ({@code /Order/*}, {@code /Address/*},
 * {@code /webhooks/*}), so Spring MVC keeps actuator, admin and the error page. Camel finds a REST route by the
 * request's path info, which under a mapping like {@code /Order/*} would lose its first segment: the request is
 * handed on with the whole path as path info, so the REST DSL keeps declaring BestRx's full paths.
 *
 * <p>Why not Camel's {@code platform-http} on Spring MVC: it dispatched every request twice through the servlet
 * stack and hopped to an executor and back, about a quarter of the gateway's CPU per order in the benchmark
 * (performance.md). This servlet runs the route on the container's thread.
 */
public class CamelRestServlet extends CamelHttpTransportServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        super.service(new WholePathRequest(request), response);
    }

    private static final class WholePathRequest extends HttpServletRequestWrapper {

        private final String path;

        WholePathRequest(HttpServletRequest request) {
            super(request);
            String info = request.getPathInfo();
            this.path = request.getServletPath() + (info == null ? "" : info);
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return path;
        }
    }
}
