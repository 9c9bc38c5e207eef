package io.jenkins.plugins.safelambdaupdate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Proves the demo's claim: every version the engine published holds the code of the pipeline that published it.
 * A version holding another pipeline's code, or a successful deployment without its own version, is a lost update.
 */
final class PublishedVersionCheck {
    private final LambdaClient client;

    /** @param client the client to read versions with, not null */
    PublishedVersionCheck(LambdaClient client) {
        this.client = Objects.requireNonNull(client, "client cannot be null");
    }

    /**
     * One successful deployment, checked.
     *
     * @param pipeline 1 to n
     * @param version the version it reported, or null
     * @param expected its own zip's CodeSha256
     * @param actual the version's CodeSha256 as Lambda reports it, or null when there is no version
     */
    record Check(int pipeline, String version, String expected, String actual) {
        /** @return true when the version holds the pipeline's own code */
        boolean holdsOwnCode() {
            return version != null && expected.equals(actual);
        }
    }

    /**
     * Reads the version of every successful deployment (one GetFunctionConfiguration each).
     *
     * @param functionName the function, not null
     * @param pipelines the engine run's pipelines, not null
     * @return one check per successful deployment; failed deployments are not checked
     */
    List<Check> check(String functionName, List<EngineRun.Pipeline> pipelines) {
        List<Check> checks = new ArrayList<>();
        for (EngineRun.Pipeline p : pipelines) {
            if (!p.succeeded()) {
                continue;
            }
            String version = p.version();
            String actual = version == null ? null : client.getFunctionConfiguration(b -> b
                    .functionName(functionName).qualifier(version)).codeSha256();
            checks.add(new Check(p.pipeline(), version, p.zip().codeSha256(), actual));
        }
        return checks;
    }

    /**
     * @param checks the checks, not null
     * @return how many deployments succeeded without their code being what their version holds
     */
    static long lostUpdates(List<Check> checks) {
        return checks.stream().filter(c -> !c.holdsOwnCode()).count();
    }
}
