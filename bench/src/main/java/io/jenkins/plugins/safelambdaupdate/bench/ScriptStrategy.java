package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A deployment as CI scripts do it today: each deployer is its own build with its own SDK client in its default
 * configuration (the SDK's default retry strategy retries 429 and 5xx, never 409 or 412), no lock, no retry of its
 * own. The first refused call fails the deployment, as {@code set -e} would.
 */
abstract class ScriptStrategy implements Strategy {

    /** The mutations each script makes: UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion. */
    @Override
    public int requiredQuotaCalls() {
        return 3;
    }

    /**
     * Runs the script's steps.
     *
     * @return the published version
     * @throws SdkException when a call is refused or a wait fails: the deployment fails
     */
    abstract String run(Script script);

    @Override
    public Run open(BenchTarget target) {
        List<LambdaClient> clients = new ArrayList<>();
        return new Run() {
            @Override
            public Deployer prepare(DeploymentSpec spec) {
                LambdaClient client = plainClient(target);
                synchronized (clients) {
                    clients.add(client);
                }
                return trace -> {
                    Script script = new Script(client, spec, target);
                    try {
                        return DeploymentOutcome.success(run(script), script.notices(), null);
                    } catch (SdkException e) {
                        return DeploymentOutcome.failure(script.step() + ": " + CallRecorder.errorType(e),
                                script.notices(), null);
                    }
                };
            }

            @Override
            public void close() {
                synchronized (clients) {
                    clients.forEach(LambdaClient::close);
                    clients.clear();
                }
            }
        };
    }

    /** @return a client built as most people build one: defaults everywhere but the endpoint (and the recorder) */
    static LambdaClient plainClient(BenchTarget target) {
        return LambdaClient.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(target.credentials())
                .endpointOverride(target.endpoint())
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(target.recorder()))
                .build();
    }
}
