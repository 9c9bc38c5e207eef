package io.jenkins.plugins.safelambdaupdate.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a function ({@code $LATEST} or a published number) as GetFunctionConfiguration would
 * return it at the moment the snapshot was taken. Field names follow the AWS FunctionConfiguration;
 * fields AWS omits are null here.
 *
 * @param functionArn qualified with the version for published versions (and with the alias when read
 *                    through one)
 * @param version     {@code $LATEST} or {@code "1"}, {@code "2"}, ...
 * @param codeSize    bytes of the zip (0 for S3 and image code, which the simulator does not hold)
 * @param environment never null; empty when there are no variables
 * @param layers      layer version ARNs, never null
 * @param imageUri    the container image for {@code PackageType=Image}, else null
 */
public record VersionSnapshot(String functionName, String functionArn, String version, String codeSha256,
                              long codeSize, String revisionId, String state, String stateReason,
                              String stateReasonCode, String lastUpdateStatus, String lastUpdateStatusReason,
                              String lastUpdateStatusReasonCode, String packageType, Instant lastModified,
                              Map<String, String> environment, int memorySize, int timeout, String handler,
                              String runtime, String role, String description, List<String> layers,
                              String imageUri) {

    public VersionSnapshot {
        environment = Map.copyOf(environment);
        layers = List.copyOf(layers);
    }

    /**
     * @param arn the ARN to report (e.g. qualified with the alias the version was read through)
     * @return a copy with that FunctionArn
     */
    public VersionSnapshot withFunctionArn(String arn) {
        return new VersionSnapshot(functionName, arn, version, codeSha256, codeSize, revisionId, state, stateReason,
                stateReasonCode, lastUpdateStatus, lastUpdateStatusReason, lastUpdateStatusReasonCode, packageType,
                lastModified, environment, memorySize, timeout, handler, runtime, role, description, layers,
                imageUri);
    }
}
