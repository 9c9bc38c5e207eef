package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A zip whose digest is known up front ({@link CodeSource.ZipArchive}): its bytes are opened only under the lock and
 * only when the deployed code differs, read once, and checked against the digest.
 */
class ZipArchiveTest extends SimulatorTestSupport {
    private String arn;

    private void startWithFunction() {
        start(Duration.ofMillis(100));
        arn = createFunction("fn");
    }

    /** An opener over fixed bytes that records each open and whether the function was locked then. */
    private final class Recording implements ZipOpener {
        private final byte[] bytes;
        final List<Boolean> lockedAtOpen = new ArrayList<>();

        Recording(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public synchronized InputStream open() {
            lockedAtOpen.add(!locks.isFree(arn));
            return new ByteArrayInputStream(bytes);
        }
    }

    private static DeploymentRequest request(CodeSource code) {
        return DeploymentRequest.builder().functionName("fn").code(code).memorySize(256).build();
    }

    @Test
    void anUnchangedZipIsNeverOpened() {
        startWithFunction();
        byte[] deployed = SimulatedAws.zip("fn-initial");
        AtomicInteger opens = new AtomicInteger();
        Events events = new Events();

        deployer.deploy(request(CodeSource.zipArchive("build/fn.zip", ZipDigest.of(deployed), () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(deployed);
        })), events);

        assertThat(opens).hasValue(0);
        assertThat(sim.stats().calls("UpdateFunctionCode")).isZero();
        assertThat(events.of(DeploymentEvent.Skipped.class)).anySatisfy(s -> {
            assertThat(s.phase()).isEqualTo(Phase.CODE);
            assertThat(s.reason()).isEqualTo(SkipReason.CODE_UNCHANGED);
        });
        assertThat(sim.function("fn").orElseThrow().latest().memorySize()).isEqualTo(256);
    }

    @Test
    void theBytesAreOpenedOnceUnderTheLockAndDeployedWithTheirDigest() {
        startWithFunction();
        byte[] v2 = SimulatedAws.zip("v2");
        Recording opener = new Recording(v2);

        DeploymentResult result = deployer.deploy(request(CodeSource.zipArchive("build/fn.zip", ZipDigest.of(v2),
                opener)), DeploymentListener.NONE);

        assertThat(opener.lockedAtOpen).containsExactly(true);
        assertThat(result.codeSha256()).isEqualTo(SimulatedAws.sha256(v2));
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(SimulatedAws.sha256(v2));
    }

    @Test
    void aZipChangedAfterItsDigestIsRefusedAndNothingIsUploaded() {
        startWithFunction();
        byte[] digested = SimulatedAws.zip("v2");
        byte[] sameSizeOtherBytes = digested.clone();
        sameSizeOtherBytes[sameSizeOtherBytes.length / 2] ^= 1;
        byte[] longer = java.util.Arrays.copyOf(digested, digested.length + 1);
        byte[] shorter = java.util.Arrays.copyOf(digested, digested.length - 1);

        for (byte[] changed : List.of(sameSizeOtherBytes, longer, shorter)) {
            assertThatThrownBy(() -> deployer.deploy(request(CodeSource.zipArchive("build/fn.zip",
                    ZipDigest.of(digested), () -> new ByteArrayInputStream(changed))), DeploymentListener.NONE))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.parameter()).isEqualTo(Parameter.ZIP_FILE);
                        assertThat(e.getMessage()).startsWith("zipFile build/fn.zip changed after its SHA-256 was"
                                + " computed (expected " + digested.length + " bytes with CodeSha256 "
                                + SimulatedAws.sha256(digested)).contains("nothing was uploaded");
                    });
        }
        assertThat(sim.stats().calls("UpdateFunctionCode")).isZero();
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(SimulatedAws.sha256(
                SimulatedAws.zip("fn-initial")));
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void aZipThatCannotBeReadForTheUploadIsRefusedNamingTheParameter() {
        startWithFunction();
        byte[] digested = SimulatedAws.zip("v2");

        assertThatThrownBy(() -> deployer.deploy(request(CodeSource.zipArchive("build/fn.zip", ZipDigest.of(digested),
                () -> {
                    throw new IOException("agent went offline");
                })), DeploymentListener.NONE))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo(Parameter.ZIP_FILE))
                .hasMessage("zipFile build/fn.zip cannot be read for the upload: agent went offline; nothing was uploaded");
        assertThat(sim.stats().calls("UpdateFunctionCode")).isZero();
        assertThat(locks.isFree(arn)).isTrue();
    }

    /**
     * @param remotingStyle true: the read fails as Jenkins remoting's pipe does (IOException caused by the
     *     InterruptedException, flag set again); false: with an InterruptedIOException
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @Timeout(30)
    void anInterruptWhileTheBytesCrossStopsWithoutUploadingAndReleasesTheLock(boolean remotingStyle) throws Exception {
        startWithFunction();
        byte[] v2 = SimulatedAws.zip("v2");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        // As a remote stream from an agent: the first bytes arrive, then the read blocks until interrupted.
        ZipOpener slow = () -> new InputStream() {
            private boolean first = true;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (first) {
                    first = false;
                    b[off] = v2[0];
                    return 1;
                }
                reading.countDown();
                try {
                    never.await();
                    return -1;
                } catch (InterruptedException e) {
                    if (remotingStyle) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    throw new InterruptedIOException("interrupted");
                }
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagRestored = new AtomicBoolean();
        Thread deploying = new Thread(() -> {
            try {
                deployer.deploy(request(CodeSource.zipArchive("build/fn.zip", ZipDigest.of(v2), slow)),
                        DeploymentListener.NONE);
            } catch (Throwable t) {
                thrown.set(t);
                flagRestored.set(Thread.currentThread().isInterrupted());
            }
        });
        deploying.start();
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        deploying.interrupt();
        deploying.join(10_000);

        assertThat(deploying.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(DeploymentException.class, e -> {
            assertThat(e.failure()).isEqualTo(FailureKind.INTERRUPTED);
            assertThat(e.getMessage()).startsWith("Interrupted during the code phase");
        });
        assertThat(flagRestored).isTrue();
        assertThat(mutationsLogged()).isEmpty();
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void anOversizeArchiveIsRefusedBeforeAnyAwsCall() {
        startWithFunction();
        int callsBefore = sim.callLog().size();
        ZipDigest huge = new ZipDigest("AAAA", RequestValidator.MAX_DIRECT_UPLOAD_BYTES + 1);

        assertThatThrownBy(() -> deployer.deploy(request(CodeSource.zipArchive("build/fn.zip", huge, () -> {
            throw new AssertionError("never opened");
        })), DeploymentListener.NONE))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo(Parameter.ZIP_FILE))
                .hasMessageStartingWith("zipFile build/fn.zip is 52428801 bytes, over Lambda's direct-upload limit");
        assertThat(sim.callLog()).hasSize(callsBefore);
    }

    @Test
    void aLocalZipIsCheckedAndDigestedWithoutReadingItWhole() throws Exception {
        Path file = SimulatedAws.zipFile(dir, "v3");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);

        ZipDigest digest = LocalZip.inspect(file, "build/fn.zip");

        assertThat(digest).isEqualTo(ZipDigest.of(bytes));
        assertThat(digest.codeSha256()).isEqualTo(SimulatedAws.sha256(bytes));
        assertThat(digest.size()).isEqualTo(bytes.length);
        assertThatThrownBy(() -> LocalZip.inspect(java.nio.file.Files.write(dir.resolve("x.zip"), new byte[] {1, 2}),
                "build/x.zip"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo(Parameter.ZIP_FILE))
                .hasMessageStartingWith("zipFile build/x.zip is not a readable zip archive");
    }
}
