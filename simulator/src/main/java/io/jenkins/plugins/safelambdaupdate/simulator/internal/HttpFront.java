package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side: decodes a request, finds its route, lets it pass latency, quotas and injected faults,
 * calls the handler and writes the answer or the refusal in AWS's rest-json error shape. Counts every call.
 */
public final class HttpFront implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    /** Guards memory only: far above the 50 MiB zip limit even base64-encoded (about 70 MB). */
    private static final int MAX_BODY_BYTES = 128 * 1024 * 1024;
    private static final String UNKNOWN_OPERATION = "Unknown";

    private final RouteTable routes;
    private final AccountScope scope;
    private final FaultInjector faults;
    private final AccountQuotas quotas;
    private final StatsRecorder stats;
    private final IdGenerator ids;
    private final Clock clock;
    private final ObjectMapper mapper;

    /**
     * @param store  the functions
     * @param scope  region and account
     * @param faults injected faults
     * @param quotas the account's request rates
     * @param stats  where calls are counted
     * @param ids    source of request ids
     * @param clock  the simulator's clock (call log times)
     */
    public HttpFront(FunctionStore store, AccountScope scope, FaultInjector faults, AccountQuotas quotas,
                     StatsRecorder stats, IdGenerator ids, Clock clock) {
        this.scope = scope;
        this.faults = faults;
        this.quotas = quotas;
        this.stats = stats;
        this.ids = ids;
        this.clock = clock;
        this.mapper = new ObjectMapper();
        // A 50 MiB zip arrives as one base64 string of about 70 MB, over Jackson's default limit.
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_BODY_BYTES).build());
        this.routes = LambdaApi.routes(store, scope, mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant arrived = clock.instant();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            RouteTable.Match match = routes.find(method, PathCodec.segments(rawPath));
            String operation = match == null ? UNKNOWN_OPERATION : match.route().operation();
            SimRequest request = null;
            SimResponse response = null;
            LambdaError refusal = null;
            try {
                request = new SimRequest(match == null ? Map.of() : match.labels(),
                        PathCodec.query(exchange.getRequestURI().getRawQuery()), readBody(exchange, operation), mapper);
                faults.delay();
                quotas.admit(operation);
                faults.maybeFail();
                if (match == null) {
                    throw Errors.unknownOperation();
                }
                response = match.route().handler().handle(request);
            } catch (LambdaError e) {
                refusal = e;
            } catch (InterruptedException closing) {
                // The simulator is closing: no answer, and nothing to count.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException bug) {
                LOG.log(Level.WARNING, "simulator failed on " + method + " " + rawPath, bug);
                refusal = Errors.serviceError(500, "Simulator failure: " + bug);
            }
            // Counted before answering, so a caller that has its answer also sees it counted.
            stats.record(new CallRecord(arrived, operation, functionName(match, request),
                    refusal == null ? response.status() : refusal.status(), refusal == null ? null : refusal.type()));
            if (refusal == null) {
                send(exchange, response.status(), response.body(), Map.of());
            } else {
                sendError(exchange, refusal);
            }
        }
    }

    private byte[] readBody(HttpExchange exchange, String operation) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BODY_BYTES) {
            throw Errors.requestTooLarge(MAX_BODY_BYTES, operation);
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw Errors.requestTooLarge(MAX_BODY_BYTES, operation);
        }
        return body;
    }

    private void sendError(HttpExchange exchange, LambdaError refusal) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        refusal.bodyFields().forEach(body::put);
        body.put("Type", refusal.faultType());
        body.put(refusal.messageField(), refusal.getMessage());
        Map<String, String> headers = new HashMap<>(refusal.headers());
        headers.put("x-amzn-ErrorType", refusal.type());
        send(exchange, refusal.status(), body, headers);
    }

    private void send(HttpExchange exchange, int status, JsonNode body, Map<String, String> extraHeaders)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", ids.uuid());
        extraHeaders.forEach(headers::set);
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return the bare function name the call named, for the call log; null when none */
    private String functionName(RouteTable.Match match, SimRequest request) {
        if (match == null) {
            return null;
        }
        String named = match.labels().get("FunctionName");
        try {
            if (named == null && request != null) {
                named = request.body().text("FunctionName"); // CreateFunction names it in the body
            }
            return named == null ? null : FunctionRef.parse(named, scope).name();
        } catch (LambdaError unparsable) {
            return named;
        }
    }
}
