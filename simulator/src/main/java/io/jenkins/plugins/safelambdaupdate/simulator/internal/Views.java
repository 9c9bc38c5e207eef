package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.safelambdaupdate.simulator.AliasSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Renders snapshots as the JSON shapes of the AWS API model; null fields are left out, as AWS does. What a function
 * configuration carries, and what list items leave out, follows responses recorded against AWS (see WireFormatTest).
 */
final class Views {
    /** LastModified as Lambda writes it, e.g. {@code 2019-07-17T23:10:15.832+0000}. */
    static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The /tmp size AWS gives a function that sets none. */
    private static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;

    private Views() {
    }

    /**
     * @return a FunctionConfiguration as the Get, Create, Update and Publish operations return it: the list item
     * plus State and LastUpdateStatus with their reasons, and RuntimeVersionConfig for a managed runtime
     */
    static ObjectNode configuration(VersionSnapshot v) {
        ObjectNode node = listItem(v);
        putIfPresent(node, "State", v.state());
        putIfPresent(node, "StateReason", v.stateReason());
        putIfPresent(node, "StateReasonCode", v.stateReasonCode());
        putIfPresent(node, "LastUpdateStatus", v.lastUpdateStatus());
        putIfPresent(node, "LastUpdateStatusReason", v.lastUpdateStatusReason());
        putIfPresent(node, "LastUpdateStatusReasonCode", v.lastUpdateStatusReasonCode());
        if (v.runtime() != null) {
            node.putObject("RuntimeVersionConfig").put("RuntimeVersionArn", RuntimeVersions.arn(v));
        }
        return node;
    }

    /**
     * @return a FunctionConfiguration as ListVersionsByFunction and ListFunctions list it: without State,
     * LastUpdateStatus, their reasons and RuntimeVersionConfig, which AWS leaves out of list items
     */
    static ObjectNode listItem(VersionSnapshot v) {
        ObjectNode node = JSON.objectNode();
        node.put("FunctionName", v.functionName());
        node.put("FunctionArn", v.functionArn());
        putIfPresent(node, "Runtime", v.runtime());
        putIfPresent(node, "Role", v.role());
        putIfPresent(node, "Handler", v.handler());
        node.put("CodeSize", v.codeSize());
        node.put("Description", v.description());
        node.put("Timeout", v.timeout());
        node.put("MemorySize", v.memorySize());
        node.put("LastModified", LAST_MODIFIED.format(v.lastModified()));
        node.put("CodeSha256", v.codeSha256());
        node.put("Version", v.version());
        if (!v.environment().isEmpty()) {
            ObjectNode variables = node.putObject("Environment").putObject("Variables");
            v.environment().forEach(variables::put);
        }
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.put("RevisionId", v.revisionId());
        if (!v.layers().isEmpty()) {
            ArrayNode layers = node.putArray("Layers");
            // The simulator holds no layer content: CodeSize 0.
            v.layers().forEach(arn -> layers.addObject().put("Arn", arn).put("CodeSize", 0));
        }
        node.put("PackageType", v.packageType());
        node.putArray("Architectures").add("x86_64");
        node.putObject("EphemeralStorage").put("Size", DEFAULT_EPHEMERAL_STORAGE_MB);
        node.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        node.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + v.functionName());
        return node;
    }

    /** @return a GetFunctionResponse: Configuration and Code location */
    static ObjectNode function(VersionSnapshot v) {
        ObjectNode node = JSON.objectNode();
        node.set("Configuration", configuration(v));
        ObjectNode code = node.putObject("Code");
        if (v.imageUri() != null) {
            String digest = HexFormat.of().formatHex(Base64.getDecoder().decode(v.codeSha256()));
            code.put("RepositoryType", "ECR").put("ImageUri", v.imageUri())
                    .put("ResolvedImageUri", v.imageUri().replaceFirst("[:@][^/]*$", "") + "@sha256:" + digest);
        } else {
            // Not downloadable: the simulator keeps no code; .invalid never resolves.
            code.put("RepositoryType", "S3").put("Location", "https://simulated-lambda-code.invalid/"
                    + v.functionName() + "/" + v.version() + "?CodeSha256=" + v.codeSha256());
        }
        return node;
    }

    /** @return a ListVersionsByFunctionResponse */
    static ObjectNode versions(Page<VersionSnapshot> page) {
        return list("Versions", page, Views::listItem);
    }

    /** @return a ListFunctionsResponse */
    static ObjectNode functions(Page<VersionSnapshot> page) {
        return list("Functions", page, Views::listItem);
    }

    /** @return a ListAliasesResponse */
    static ObjectNode aliases(Page<AliasSnapshot> page) {
        return list("Aliases", page, Views::alias);
    }

    /** @return an AliasConfiguration */
    static ObjectNode alias(AliasSnapshot a) {
        ObjectNode node = JSON.objectNode();
        node.put("AliasArn", a.aliasArn());
        node.put("Name", a.name());
        node.put("FunctionVersion", a.functionVersion());
        node.put("Description", a.description());
        if (!a.additionalVersionWeights().isEmpty()) {
            ObjectNode weights = node.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.additionalVersionWeights().forEach(weights::put);
        }
        node.put("RevisionId", a.revisionId());
        return node;
    }

    private static <T> ObjectNode list(String field, Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode node = JSON.objectNode();
        ArrayNode items = node.putArray(field);
        page.items().forEach(item -> items.add(view.apply(item)));
        putIfPresent(node, "NextMarker", page.nextMarker());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
