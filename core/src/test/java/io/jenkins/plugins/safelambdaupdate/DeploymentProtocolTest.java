package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/** The ten protocol steps against the simulator, with a real SDK client over HTTP. */
class DeploymentProtocolTest extends SimulatorTestSupport {
    private String arn;

    @BeforeEach
    void setUp() {
        start(Duration.ofMillis(200));
        arn = createFunction("fn");
    }

    private DeploymentRequest.Builder full(Path zip) {
        return DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip))
                .environment(Map.of("STAGE", "prod")).memorySize(256).publish(true).alias("live");
    }

    @Test
    void fullDeploymentRunsEveryStepInOrder() {
        Path zip = zip("v1");
        Events events = new Events();

        DeploymentResult result = deployer.deploy(full(zip).build(), events);

        String sha = SimulatedAws.sha256(zip);
        assertThat(result.functionArn()).isEqualTo(arn);
        assertThat(result.version()).contains("1");
        assertThat(result.alias()).contains("live");
        assertThat(result.codeSha256()).isEqualTo(sha);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.retries()).isEmpty();
        assertThat(events.kinds()).containsExactly("Resolved", "LockAcquired", "Settled", "Submitted", "Confirmed",
                "Submitted", "Confirmed", "Submitted", "Published", "Submitted", "AliasMoved", "Verified", "Released");
        assertThat(events.of(DeploymentEvent.Submitted.class)).extracting(DeploymentEvent.Submitted::phase)
                .containsExactly(Phase.CODE, Phase.CONFIGURATION, Phase.PUBLISH, Phase.ALIAS);
        assertThat(events.of(DeploymentEvent.AliasMoved.class).get(0).created()).isTrue();
        assertThat(locks.acquiredNames()).containsExactly(arn);
        assertThat(locks.isFree(arn)).isTrue();

        VersionSnapshot v1 = version("fn", "1");
        assertThat(v1.codeSha256()).isEqualTo(sha);
        assertThat(v1.environment()).containsEntry("STAGE", "prod");
        assertThat(v1.memorySize()).isEqualTo(256);
        assertThat(sim.function("fn").orElseThrow().aliases()).singleElement()
                .satisfies(a -> assertThat(a.functionVersion()).isEqualTo("1"));

        // Every mutation carried a RevisionId, and PublishVersion the expected CodeSha256.
        assertThat(recorder.requests(UpdateFunctionCodeRequest.class)).singleElement()
                .satisfies(r -> assertThat(r.revisionId()).isNotBlank());
        assertThat(recorder.requests(UpdateFunctionConfigurationRequest.class)).singleElement()
                .satisfies(r -> assertThat(r.revisionId()).isNotBlank());
        assertThat(recorder.requests(PublishVersionRequest.class)).singleElement().satisfies(r -> {
            assertThat(r.revisionId()).isNotBlank();
            assertThat(r.codeSha256()).isEqualTo(sha);
        });
        // The engine counts what the simulator saw.
        sim.stats().callsByOperation().forEach((op, n) -> assertThat(result.apiCalls()).containsEntry(op, n.intValue()));
        assertThat(result.phaseDurations()).containsKeys(Phase.VALIDATE, Phase.RESOLVE, Phase.LOCK, Phase.SETTLE,
                Phase.CODE, Phase.CONFIGURATION, Phase.PUBLISH, Phase.ALIAS, Phase.VERIFY);
    }

    @Test
    void withoutALockTheDeploymentSaysSoInsteadOfALockAcquiredAndReleased() {
        Events events = new Events();
        SafeLambdaDeployer unlocked = SafeLambdaDeployer.builder().client(client)
                .lockProvider(LockProviders.none("lock: false")).build();

        unlocked.deploy(DeploymentRequest.builder().functionName("fn").memorySize(512).build(), events);

        assertThat(events.kinds()).contains("LockSkipped").doesNotContain("LockAcquired", "Released");
        assertThat(new EventRenderer().render(events.of(DeploymentEvent.LockSkipped.class).get(0)))
                .isEqualTo("Not locking " + arn + ": lock: false");
        assertThat(locks.acquiredNames()).isEmpty();
    }

    @Test
    void aRepeatedDeploymentSkipsWhatIsAlreadyThere() {
        Path zip = zip("v1");
        deployer.deploy(full(zip).build(), DeploymentListener.NONE);
        sim.reset();
        Events events = new Events();

        DeploymentResult again = deployer.deploy(full(zip).build(), events);

        assertThat(again.version()).contains("1");
        assertThat(again.skipped()).containsExactlyInAnyOrder(Phase.CODE, Phase.CONFIGURATION, Phase.ALIAS);
        assertThat(events.of(DeploymentEvent.Skipped.class)).extracting(DeploymentEvent.Skipped::phase)
                .containsExactly(Phase.CODE, Phase.CONFIGURATION, Phase.ALIAS);
        assertThat(sim.stats().calls("UpdateFunctionCode")).isZero();
        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isZero();
        assertThat(sim.stats().calls("UpdateAlias")).isZero();
    }

    @Test
    void aMovedAliasUsesItsOwnRevisionId() {
        deployer.deploy(full(zip("v1")).build(), DeploymentListener.NONE);
        Events events = new Events();

        DeploymentResult second = deployer.deploy(full(zip("v2")).build(), events);

        assertThat(second.version()).contains("2");
        assertThat(events.of(DeploymentEvent.AliasMoved.class)).singleElement()
                .satisfies(e -> assertThat(e.created()).isFalse());
        assertThat(recorder.requests(UpdateAliasRequest.class)).singleElement().satisfies(r -> {
            assertThat(r.revisionId()).isNotBlank();
            assertThat(r.functionVersion()).isEqualTo("2");
        });
        assertThat(sim.function("fn").orElseThrow().aliases().get(0).functionVersion()).isEqualTo("2");
    }

    @Test
    void notRequestedStepsAreSkipped() {
        Events events = new Events();
        DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName("fn").build(), events);
        assertThat(result.skipped()).containsExactlyInAnyOrder(Phase.CODE, Phase.CONFIGURATION, Phase.PUBLISH, Phase.ALIAS);
        assertThat(result.version()).isEmpty();
        assertThat(mutationsLogged()).isEmpty();
    }

    @Test
    void everySpellingOfTheFunctionTakesTheSameLock() {
        for (String name : List.of("fn", "fn:$LATEST", arn, arn + ":live", "123456789012:function:fn")) {
            DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName(name).memorySize(512)
                    .build(), DeploymentListener.NONE);
            assertThat(result.functionArn()).isEqualTo(arn);
        }
        assertThat(locks.acquiredNames()).hasSize(5).containsOnly(arn);
    }

    @Test
    void environmentIsMergedByDefaultAndReplacedOnRequest() {
        deployer.deploy(DeploymentRequest.builder().functionName("fn").environment(Map.of("A", "1", "B", "2")).build(),
                DeploymentListener.NONE);
        deployer.deploy(DeploymentRequest.builder().functionName("fn").environment(Map.of("B", "3", "C", "4")).build(),
                DeploymentListener.NONE);
        assertThat(sim.function("fn").orElseThrow().latest().environment())
                .isEqualTo(Map.of("A", "1", "B", "3", "C", "4"));

        deployer.deploy(DeploymentRequest.builder().functionName("fn").environment(Map.of("D", "5"))
                .environmentMode(EnvironmentMode.REPLACE).build(), DeploymentListener.NONE);
        assertThat(sim.function("fn").orElseThrow().latest().environment()).isEqualTo(Map.of("D", "5"));
    }

    @Test
    void configurationChangesOnlyTheRequestedSettings() {
        Events events = new Events();
        deployer.deploy(DeploymentRequest.builder().functionName("fn").timeout(30).handler("app.main")
                .description("deployed").build(), events);
        FunctionSnapshot f = sim.function("fn").orElseThrow();
        assertThat(f.latest().timeout()).isEqualTo(30);
        assertThat(f.latest().handler()).isEqualTo("app.main");
        assertThat(f.latest().description()).isEqualTo("deployed");
        assertThat(f.latest().memorySize()).isEqualTo(128);
        assertThat(events.of(DeploymentEvent.Submitted.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.phase()).isEqualTo(Phase.CONFIGURATION);
                    assertThat(e.settings()).containsExactly(Setting.TIMEOUT, Setting.HANDLER, Setting.DESCRIPTION);
                });
        UpdateFunctionConfigurationRequest sent = recorder.requests(UpdateFunctionConfigurationRequest.class).get(0);
        assertThat(sent.memorySize()).isNull();
        assertThat(sent.environment()).isNull();
    }

    @Test
    void s3CodeIsAlwaysUpdatedAndPublishedWithItsOwnCodeSha256() {
        DeploymentRequest request = DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.s3("my-bucket", "app.zip", "v7")).publish(true).build();
        DeploymentResult first = deployer.deploy(request, DeploymentListener.NONE);
        DeploymentResult second = deployer.deploy(request, DeploymentListener.NONE);
        assertThat(sim.stats().calls("UpdateFunctionCode")).isEqualTo(2);
        assertThat(first.codeSha256()).isEqualTo(second.codeSha256()).isEqualTo(version("fn", "1").codeSha256());
        assertThat(recorder.requests(PublishVersionRequest.class)).allSatisfy(
                r -> assertThat(r.codeSha256()).isEqualTo(first.codeSha256()));
    }

    @Test
    void waitsForAnUpdateInProgressBeforeChanging() {
        foreign.updateFunctionConfiguration(b -> b.functionName("fn").description("someone else"));
        Events events = new Events();

        deployer.deploy(DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip("v1"))).build(),
                events);

        assertThat(events.of(DeploymentEvent.Settled.class).get(0).status().lastUpdateStatus()).isEqualTo("Successful");
        assertThat(sim.stats().refusals("ResourceConflictException")).isZero();
        assertThat(sim.function("fn").orElseThrow().latest().description()).isEqualTo("someone else");
    }

    @Test
    void waitsForAPendingFunctionToBecomeActive() {
        foreign.createFunction(b -> b.functionName("fresh").role("arn:aws:iam::123456789012:role/r")
                .runtime("python3.12").handler("index.handler")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(SimulatedAws.zip("fresh")))));
        Events events = new Events();

        DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName("fresh").memorySize(1024)
                .build(), events);

        assertThat(result.functionArn()).endsWith(":function:fresh");
        assertThat(events.of(DeploymentEvent.Settled.class).get(0).status().state()).isEqualTo("Active");
        assertThat(sim.stats().refusals("ResourceConflictException")).isZero();
        assertThat(sim.function("fresh").orElseThrow().latest().memorySize()).isEqualTo(1024);
    }

    @Test
    void aFailedFunctionStopsTheDeploymentWithItsReason() {
        sim.faults().failNextCreate("broken", "InvalidImage", "The image is not valid.");
        foreign.createFunction(b -> b.functionName("broken").role("arn:aws:iam::123456789012:role/r")
                .runtime("python3.12").handler("index.handler")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(SimulatedAws.zip("broken")))));

        assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("broken")
                .code(CodeSource.zipFile(zip("v1"))).build(), DeploymentListener.NONE))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.FUNCTION_FAILED);
                    assertThat(e.getMessage()).contains("InvalidImage").contains("The image is not valid.");
                    assertThat(e.stateLeft()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("Failed"));
                });
        assertThat(sim.stats().calls("UpdateFunctionCode")).isZero();
        assertThat(locks.isFree(sim.function("broken").orElseThrow().functionArn())).isTrue();
    }

    @Test
    void anUnknownFunctionIsReportedWithoutLocking() {
        assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("missing").memorySize(256)
                .build(), DeploymentListener.NONE))
                .isInstanceOfSatisfying(DeploymentException.class,
                        e -> assertThat(e.failure()).isEqualTo(FailureKind.FUNCTION_NOT_FOUND));
        assertThat(locks.acquiredNames()).isEmpty();
    }

    @Test
    void anInvalidRequestNeverCallsAws() {
        Events events = new Events();
        assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("fn").memorySize(64).build(),
                events))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("memorySize"));
        assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("bad name").build(), events))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("functionName"));
        assertThat(sim.stats().totalCalls()).isZero();
        assertThat(events.of(DeploymentEvent.Failed.class)).hasSize(2);
    }

    @Test
    void statusAndAwaitSettledReadTheFunction() {
        foreign.updateFunctionConfiguration(b -> b.functionName("fn").description("x"));
        FunctionStatus settled = reader().awaitSettled("fn", Duration.ofSeconds(10));
        assertThat(settled.isSettled()).isTrue();
        assertThat(settled.lastUpdateStatus()).isEqualTo("Successful");
        FunctionStatus status = reader().status(arn + ":1", Duration.ofSeconds(10));
        assertThat(status.functionArn()).isEqualTo(arn);
        assertThat(status.revisionId()).isEqualTo(sim.function("fn").orElseThrow().revisionId());
        assertThatThrownBy(() -> reader().status("missing", Duration.ofSeconds(10))).isInstanceOfSatisfying(DeploymentException.class,
                e -> assertThat(e.failure()).isEqualTo(FailureKind.FUNCTION_NOT_FOUND));
    }

    private FunctionReader reader() {
        return FunctionReader.builder().client(client).build();
    }
}
