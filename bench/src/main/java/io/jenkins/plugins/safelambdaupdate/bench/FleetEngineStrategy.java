package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The engine deploying a fleet: {@code processes} processes sharing the account (standing in for them in this JVM),
 * each one engine with its own client, its own rate limiter at the account quotas, its own in-process lock and
 * learned durations, an HTTP pool and at most as many deployments in flight as its share of the deploying threads.
 * The functions are split between the processes ({@code function index mod processes}), so no lock crosses them.
 */
final class FleetEngineStrategy implements Strategy {
    private final Scenario scenario;
    private final int threadsPerProcess;

    /** @param scenario the fleet; @param threads the deploying threads of all processes together */
    FleetEngineStrategy(Scenario scenario, int threads) {
        this.scenario = scenario;
        this.threadsPerProcess = Math.max(1, threads / scenario.processes());
    }

    @Override
    public String name() {
        return EngineStrategy.NAME;
    }

    @Override
    public int requiredQuotaCalls() {
        return new EngineStrategy().requiredQuotaCalls();
    }

    /** One process: its deployer, its client and the deployments it may have in flight. */
    private record Process(SafeLambdaDeployer deployer, LambdaClient client, Semaphore inFlight) {
    }

    @Override
    public Run open(BenchTarget target) {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < scenario.processes(); i++) {
            LambdaClient client = EngineStrategy.client(target, threadsPerProcess);
            processes.add(new Process(SafeLambdaDeployer.builder().client(client)
                    .lockProvider(LockProviders.inProcess()).build(), client, new Semaphore(threadsPerProcess)));
        }
        return new Run() {
            @Override
            public Deployer prepare(DeploymentSpec spec) {
                Process process = processes.get((spec.index() % scenario.functions()) % processes.size());
                return trace -> {
                    try {
                        process.inFlight().acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return DeploymentOutcome.failure("interrupted before deploying", List.of(), null);
                    }
                    try {
                        return EngineStrategy.deploy(process.deployer(), target, spec, trace);
                    } finally {
                        process.inFlight().release();
                    }
                };
            }

            @Override
            public void close() {
                processes.forEach(p -> p.client().close());
            }
        };
    }
}
