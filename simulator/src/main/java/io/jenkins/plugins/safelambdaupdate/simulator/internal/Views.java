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
import java.util.List;

/** Renders snapshots as the JSON shapes of the AWS API model; null fields are left out, as AWS does. */
final class Views {
    /** LastModified as Lambda writes it, e.g. {@code 2019-07-17T23:10:15.832+0000}. */
    static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Views() {
    }

    /** @return a FunctionConfiguration */
    static ObjectNode configuration(VersionSnapshot v) {
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
        node.put("RevisionId", v.revisionId());
        if (!v.layers().isEmpty()) {
            ArrayNode layers = node.putArray("Layers");
            // The simulator holds no layer content: CodeSize 0.
            v.layers().forEach(arn -> layers.addObject().put("Arn", arn).put("CodeSize", 0));
        }
        putIfPresent(node, "State", v.state());
        putIfPresent(node, "StateReason", v.stateReason());
        putIfPresent(node, "StateReasonCode", v.stateReasonCode());
        putIfPresent(node, "LastUpdateStatus", v.lastUpdateStatus());
        putIfPresent(node, "LastUpdateStatusReason", v.lastUpdateStatusReason());
        putIfPresent(node, "LastUpdateStatusReasonCode", v.lastUpdateStatusReasonCode());
        node.put("PackageType", v.packageType());
        node.putArray("Architectures").add("x86_64");
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
    static ObjectNode versions(List<VersionSnapshot> page, String nextMarker) {
        ObjectNode node = JSON.objectNode();
        ArrayNode versions = node.putArray("Versions");
        page.forEach(v -> versions.add(configuration(v)));
        putIfPresent(node, "NextMarker", nextMarker);
        return node;
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

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
