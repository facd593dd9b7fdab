package com.carriergateway.adapter.contract;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.EqualToJsonPattern;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exactly what the carrier must receive for one HTTP call: method, path, query, the headers that matter,
 * and the body. JSON bodies compare strictly (no missing or extra fields); WireMock's JsonUnit placeholders
 * such as {@code "${json-unit.any-string}"} stand for values the test cannot know.
 */
public final class ExpectedRequest {

    private final String method;
    private final String path;
    private final Map<String, StringValuePattern> query = new LinkedHashMap<>();
    private final Map<String, StringValuePattern> headers = new LinkedHashMap<>();
    private final List<String> absentHeaders = new ArrayList<>();
    private java.util.function.Predicate<String> body;
    private boolean expectEmptyBody;
    private String bodyDescription = "(any)";

    private ExpectedRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static ExpectedRequest get(String path) {
        return new ExpectedRequest("GET", path);
    }

    public static ExpectedRequest post(String path) {
        return new ExpectedRequest("POST", path);
    }

    public static ExpectedRequest put(String path) {
        return new ExpectedRequest("PUT", path);
    }

    public ExpectedRequest query(String name, String value) {
        query.put(name, WireMock.equalTo(value));
        return this;
    }

    public ExpectedRequest header(String name, String value) {
        headers.put(name, WireMock.equalTo(value));
        return this;
    }

    public ExpectedRequest headerMatching(String name, String regex) {
        headers.put(name, WireMock.matching(regex));
        return this;
    }

    public ExpectedRequest withoutHeader(String name) {
        absentHeaders.add(name);
        return this;
    }

    /** The body must be exactly this JSON (placeholders allowed). */
    public ExpectedRequest jsonBody(String json) {
        EqualToJsonPattern pattern = new EqualToJsonPattern(json, false, false);
        this.body = actual -> pattern.match(actual).isExactMatch();
        this.bodyDescription = json;
        return this;
    }

    /** The body must be a form with exactly these fields (order ignored). */
    public ExpectedRequest formBody(Map<String, String> fields) {
        this.body = new FormBody(fields)::matches;
        this.bodyDescription = "form " + fields;
        return this;
    }

    public ExpectedRequest emptyBody() {
        this.body = null;
        this.expectEmptyBody = true;
        this.bodyDescription = "(empty)";
        return this;
    }

    /** Null when the request matches, else what differs. */
    String mismatch(LoggedRequest actual) {
        List<String> problems = new ArrayList<>();
        if (!method.equals(actual.getMethod().getName())) {
            problems.add("method " + actual.getMethod() + " instead of " + method);
        }
        String actualPath = actual.getUrl().split("\\?", 2)[0];
        if (!path.equals(actualPath)) {
            problems.add("path " + actualPath + " instead of " + path);
        }
        Map<String, com.github.tomakehurst.wiremock.http.QueryParameter> actualQuery = new LinkedHashMap<>();
        actual.getQueryParams().forEach(actualQuery::put);
        if (!actualQuery.keySet().equals(query.keySet())) {
            problems.add("query parameters " + actualQuery.keySet() + " instead of " + query.keySet());
        }
        query.forEach((name, pattern) -> {
            var q = actualQuery.get(name);
            if (q != null && !pattern.match(q.firstValue()).isExactMatch()) {
                problems.add("query " + name + "=" + q.firstValue() + " does not match " + pattern.getExpected());
            }
        });
        headers.forEach((name, pattern) -> {
            String v = actual.getHeader(name);
            if (v == null || !pattern.match(v).isExactMatch()) {
                problems.add("header " + name + "=" + v + " does not match " + pattern.getExpected());
            }
        });
        for (String name : absentHeaders) {
            if (actual.containsHeader(name)) {
                problems.add("header " + name + " must be absent");
            }
        }
        if (body != null || expectEmptyBody) {
            String actualBody = actual.getBodyAsString();
            boolean empty = actualBody == null || actualBody.isEmpty();
            boolean ok = expectEmptyBody ? empty : !empty && body.test(actualBody);
            if (!ok) {
                problems.add("body\n    " + actualBody + "\n  instead of\n    " + bodyDescription);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " ?" + query.keySet());
    }
}
