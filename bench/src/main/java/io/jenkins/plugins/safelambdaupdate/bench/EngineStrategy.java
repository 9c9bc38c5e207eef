package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RequestRateLimiter;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code engine}: this project's {@link SafeLambdaDeployer}, as one process deploying many times (a Jenkins
 * controller): one deployer with the in-process lock, one client whose {@link RequestRateLimiter} at the account
 * quotas is shared by every deployment. Each deployment is a full one: code, configuration, a version, and the alias
 * {@value #ALIAS} moved to it. Before the scenario starts it deploys once to a function of its own (a warm-up), so
 * its waiters know how long updates take, as a process that has deployed before does.
 */
final class EngineStrategy implements Strategy {
    static final String NAME = "engine";
    static final String ALIAS = "live";
    /** Lets the account's and the limiter's token buckets refill after the warm-up. */
    private static final Duration AFTER_WARM_UP = Duration.ofMillis(1100);

    @Override
    public String name() {
        return NAME;
    }

    /** UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion, GetAlias (its RevisionId), Create/UpdateAlias. */
    @Override
    public int requiredQuotaCalls() {
        return 5;
    }

    /**
     * @param connections the HTTP connection pool's size
     * @return a recorded client of the simulator with its own rate limiter at the account quotas, as one process has
     */
    static LambdaClient client(BenchTarget target, int connections) {
        return LambdaClients.builder()
                .region(target.region())
                .credentialsProvider(target.credentials())
                .endpointOverride(target.endpoint())
                .requestRateLimit(RequestRateLimiter.lambdaQuotas())
                .maxConnections(connections)
                .addExecutionInterceptor(target.recorder())
                .build();
    }

    @Override
    public Run open(BenchTarget target) {
        LambdaClient client = client(target, LambdaClients.DEFAULT_MAX_CONNECTIONS);
        SafeLambdaDeployer deployer = SafeLambdaDeployer.builder()
                .client(client)
                .lockProvider(LockProviders.inProcess())
                .build();
        CallTrace warmUpTrace = new CallTrace();
        target.recorder().bind(warmUpTrace);
        DeploymentOutcome warmUp;
        try {
            warmUp = deploy(deployer, target, target.warmUp(), warmUpTrace);
            Thread.sleep(AFTER_WARM_UP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new IllegalStateException("interrupted during the warm-up", e);
        } finally {
            target.recorder().unbind();
        }
        if (!warmUp.succeeded()) {
            client.close();
            throw new IllegalStateException("the engine's warm-up deployment failed: " + warmUp.failure());
        }
        WarmUp cold = new WarmUp(warmUp.notices(), warmUpTrace.calls().size());
        return new Run() {
            @Override
            public Deployer prepare(DeploymentSpec spec) {
                return trace -> deploy(deployer, target, spec, trace);
            }

            @Override
            public WarmUp warmUp() {
                return cold;
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** Deploys the spec in full (code, configuration, version, alias) and pairs its notices with its calls. */
    static DeploymentOutcome deploy(SafeLambdaDeployer deployer, BenchTarget target, DeploymentSpec spec,
                                    CallTrace trace) {
        DeploymentRequest request = DeploymentRequest.builder()
                .functionName(spec.functionName())
                .code(CodeSource.zipFile(spec.zipFile()))
                .environment(spec.environment())
                .description(spec.description())
                .publish(true)
                .alias(ALIAS)
                .build();
        List<DeploymentEvent> events = new ArrayList<>();
        try {
            DeploymentResult result = deployer.deploy(request, events::add);
            return DeploymentOutcome.success(result.version().orElse(null), notices(events, trace, target),
                    lock(events));
        } catch (DeploymentException e) {
            return DeploymentOutcome.failure(e.failure() + ": " + e.getMessage(), notices(events, trace, target),
                    lock(events));
        }
    }

    /** Pairs each Confirmed code or configuration update with the update call it confirms. */
    private static List<Notice> notices(List<DeploymentEvent> events, CallTrace trace, BenchTarget target) {
        List<CallTrace.Call> calls = trace.calls();
        List<Notice> notices = new ArrayList<>();
        for (DeploymentEvent event : events) {
            if (event instanceof DeploymentEvent.Confirmed confirmed
                    && (confirmed.phase() == Phase.CODE || confirmed.phase() == Phase.CONFIGURATION)) {
                String operation = confirmed.phase() == Phase.CODE ? "UpdateFunctionCode"
                        : "UpdateFunctionConfiguration";
                CallTrace.Call update = null;
                for (CallTrace.Call call : calls) {
                    if (call.operation().equals(operation) && call.succeeded() && call.lastModified() != null
                            && !call.endedAt().isAfter(confirmed.at())) {
                        update = call;
                    }
                }
                if (update != null) {
                    notices.add(new Notice(operation, target.updateCompletion(update.lastModified()),
                            confirmed.at()));
                }
            }
        }
        return notices;
    }

    private static LockTimeline lock(List<DeploymentEvent> events) {
        String name = null;
        Instant waiting = null;
        Instant acquired = null;
        Instant released = null;
        for (DeploymentEvent event : events) {
            if (event instanceof DeploymentEvent.LockWaiting w && waiting == null) {
                waiting = w.at();
            } else if (event instanceof DeploymentEvent.LockAcquired a) {
                name = a.lockName();
                acquired = a.at();
            } else if (event instanceof DeploymentEvent.Released r) {
                released = r.at();
            }
        }
        return acquired == null ? null : new LockTimeline(name, waiting, acquired, released);
    }
}
