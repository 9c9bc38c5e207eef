package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The simulator a scenario run deploys to, with what strategies need to know about it.
 *
 * @param simulator the running simulator (account quotas enforced)
 * @param warmUp    a deployment to a function of its own that a strategy may make in {@link Strategy#open} (the
 *                  engine does, so that it has learned how long updates take, as a long-lived process has)
 * @param recorder  the run's call recorder: every client a strategy builds registers it
 */
public record BenchTarget(LambdaSimulator simulator, DeploymentSpec warmUp, CallRecorder recorder) {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** Checks arguments. */
    public BenchTarget {
        Objects.requireNonNull(simulator, "simulator cannot be null");
        Objects.requireNonNull(warmUp, "warmUp cannot be null");
        Objects.requireNonNull(recorder, "recorder cannot be null");
    }

    /** @return the endpoint to point a client at */
    public URI endpoint() {
        return simulator.endpoint();
    }

    /** @return the simulator's region */
    public String region() {
        return simulator.region();
    }

    /** @return fixed credentials (the simulator accepts any) */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCHMARK", "benchmark-secret"));
    }

    /**
     * @param lastModified the LastModified of an update's response, e.g. {@code 2019-07-17T23:10:15.832+0000}: when
     *                     the simulator started the update
     * @return when that update became Successful in the simulator: its start plus the simulator's update duration
     */
    public Instant updateCompletion(String lastModified) {
        Instant started = LAST_MODIFIED.parse(lastModified, Instant::from);
        return started.plus(simulator.updateDelay());
    }

    /** @return the simulator's update duration */
    public Duration updateDelay() {
        return simulator.updateDelay();
    }
}
