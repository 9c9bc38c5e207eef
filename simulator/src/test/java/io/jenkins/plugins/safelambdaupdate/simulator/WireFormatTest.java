package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bytes on the wire, read without an AWS client: headers, error bodies, encodings, leniency. */
class WireFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private LambdaSimulator simulator;

    @BeforeEach
    void start() {
        simulator = LambdaSimulator.builder().clock(clock).start();
        simulator.createFunction("orders", TestZips.zip("v1"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aConflictCarriesTypeHeaderRequestIdAndALowercaseMessage() throws Exception {
        String update = "{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(TestZips.zip("v2")) + "\"}";
        assertThat(send("PUT", "/2015-03-31/functions/orders/code", update).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = send("PUT", "/2015-03-31/functions/orders/code", update);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceConflictException");
        assertThat(refused.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree("{\"Type\":\"User\",\"message\":"
                + "\"The operation cannot be performed at this time. An update is in progress for resource: "
                + "arn:aws:lambda:us-east-1:123456789012:function:orders\"}"));
    }

    @Test
    void notFoundUsesACapitalisedMessageField() throws Exception {
        HttpResponse<String> refused = send("GET", "/2015-03-31/functions/nope", null);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree("{\"Type\":\"User\",\"Message\":"
                + "\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope\"}"));
    }

    @Test
    void throttlingSendsReasonAndRetryAfter() throws Exception {
        simulator.faults().throttleRate(1);

        HttpResponse<String> refused = send("GET", "/2015-03-31/functions/orders", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate exceeded\"}"));
    }

    @Test
    void percentEncodedLabelsAndQualifiersAreDecoded() throws Exception {
        HttpResponse<String> read = send("GET", "/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders/configuration?Qualifier=%24LATEST",
                null);

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(read.body());
        // Qualifier=$LATEST is reported in the ARN (moto, awslambda/responses.py _set_configuration_qualifier).
        assertThat(body.get("FunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST");
        assertThat(body.get("Version").asText()).isEqualTo("$LATEST");
        assertThat(body.get("LastModified").asText()).isEqualTo("2025-11-27T10:15:30.123+0000");
        assertThat(send("GET", "/2015-03-31/functions/orders%3A%24LATEST", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownFieldsAndOtherContentTypesAreAcceptedAsAwsDoes() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/2015-03-31/functions/orders/configuration"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Timeout\":9,\"SomethingNew\":{\"a\":1},\"Publish\":false}"))
                .build();

        HttpResponse<String> updated = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("Timeout").asInt()).isEqualTo(9);
    }

    @Test
    void malformedJsonAndWrongTypesAreSerializationExceptions() throws Exception {
        HttpResponse<String> malformed = send("PUT", "/2015-03-31/functions/orders/configuration", "{\"Timeout\":");
        HttpResponse<String> wrongType = send("PUT", "/2015-03-31/functions/orders/configuration",
                "{\"Timeout\":\"nine\"}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
        assertThat(simulator.function("orders").orElseThrow().latest().timeout()).isEqualTo(3);
    }

    @Test
    void anUnknownOperationIs404AndIsCounted() throws Exception {
        HttpResponse<String> refused = send("GET", "/2015-03-31/layers", null);

        // UnknownOperationException, 404: one of the errors common to every AWS service, which Lambda's own model
        // does not list (Lambda API reference, "Common Errors", docs.aws.amazon.com/lambda/latest/api/CommonErrors.html).
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .isEqualTo("The action or operation requested is invalid. Verify that the action is typed correctly.");
        assertThat(simulator.stats().calls("Unknown")).isEqualTo(1);
    }

    @Test
    void deleteAnswers204WithoutBody() throws Exception {
        HttpResponse<String> deleted = send("DELETE", "/2015-03-31/functions/orders", null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(simulator.function("orders")).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(simulator.endpoint() + path);
    }
}
