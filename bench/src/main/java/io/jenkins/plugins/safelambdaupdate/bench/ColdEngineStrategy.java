package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The engine as deployers that learned nothing: each deployment is its own process (a fresh CI agent, a container,
 * one CLI run), with its own client, rate limiter and an empty {@code LearnedDurations}, and no warm-up.
 */
final class ColdEngineStrategy implements Strategy {
    private static final int CONNECTIONS = 4;

    @Override
    public String name() {
        return EngineStrategy.NAME;
    }

    @Override
    public int requiredQuotaCalls() {
        return new EngineStrategy().requiredQuotaCalls();
    }

    @Override
    public Run open(BenchTarget target) {
        List<LambdaClient> clients = new ArrayList<>();
        return new Run() {
            @Override
            public Deployer prepare(DeploymentSpec spec) {
                LambdaClient client = EngineStrategy.client(target, CONNECTIONS);
                clients.add(client);
                SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(client)
                        .lockProvider(LockProviders.inProcess()).build();
                return trace -> EngineStrategy.deploy(deployer, target, spec, trace);
            }

            @Override
            public void close() {
                clients.forEach(LambdaClient::close);
            }
        };
    }
}
