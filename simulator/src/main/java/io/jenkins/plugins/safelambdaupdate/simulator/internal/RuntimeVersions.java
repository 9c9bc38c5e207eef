package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The runtime version a managed runtime reports in RuntimeVersionConfig: an ARN of the form AWS uses,
 * {@code arn:aws:lambda:REGION::runtime:<64 hex digits>}; the simulator derives the digits from the runtime's
 * name, so that one runtime always reports one version.
 */
final class RuntimeVersions {
    private RuntimeVersions() {
    }

    /** @return the RuntimeVersionArn of the snapshot's runtime, in the region of its FunctionArn */
    static String arn(VersionSnapshot v) {
        String region = v.functionArn().split(":")[3];
        return "arn:aws:lambda:" + region + "::runtime:" + sha256Hex(v.runtime());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
