package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jenkins.plugins.lockableresources.LockableResource;
import org.jenkins.plugins.lockableresources.LockableResourcesManager;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.jvnet.hudson.test.JenkinsRule;

/** Test helpers: a Lambda simulator, zips, dummy AWS credentials, step snippets, and a look at the lock. */
final class Simulated {
    static final String CREDENTIALS_ID = "aws";
    static final String SECRET_KEY = "wJalrXUtnFEMI-simulated-secret";

    private Simulated() {
    }

    /** @return a simulator with short timings: functions are created Active, updates take 300 ms */
    static LambdaSimulator start() {
        return start(Clock.systemUTC());
    }

    /** @return a simulator with short timings whose transitions follow {@code clock} */
    static LambdaSimulator start(Clock clock) {
        return LambdaSimulator.builder().clock(clock).createDelay(Duration.ZERO).updateDelay(Duration.ofMillis(300))
                .publishDelay(Duration.ofMillis(100)).start();
    }

    /** Creates {@code name} in the simulator (Active at once) and returns its canonical ARN, the lock's name. */
    static String function(LambdaSimulator sim, String name) {
        return sim.createFunction(name, zip(name + "-initial")).functionArn();
    }

    /**
     * @return a {@code safeLambdaUpdate(...)} call with the given arguments, plus the simulator's region and endpoint
     *     and the credentials {@link #CREDENTIALS_ID} unless the arguments give their own
     */
    static String step(LambdaSimulator sim, String functionName, String moreArguments) {
        StringBuilder call = new StringBuilder("safeLambdaUpdate(functionName: '").append(functionName).append('\'');
        if (!moreArguments.isEmpty()) {
            call.append(", ").append(moreArguments);
        }
        if (!moreArguments.contains("region:")) {
            call.append(", region: '").append(sim.region()).append('\'');
        }
        if (!moreArguments.contains("endpointUrl:")) {
            call.append(", endpointUrl: '").append(sim.endpoint()).append('\'');
        }
        if (!moreArguments.contains("credentialsId:")) {
            call.append(", credentialsId: '").append(CREDENTIALS_ID).append('\'');
        }
        return call.append(')').toString();
    }

    /** Stores dummy AWS credentials with id {@link #CREDENTIALS_ID} (the simulator accepts any signature). */
    static AWSCredentialsImpl addCredentials() throws IOException {
        AWSCredentialsImpl credentials = new AWSCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID,
                "AKIASIMULATEDKEY0001", SECRET_KEY, "simulated");
        SystemCredentialsProvider.getInstance().getCredentials().add(credentials);
        SystemCredentialsProvider.getInstance().save();
        return credentials;
    }

    /** @return a zip holding one small Python handler that returns {@code content} */
    static byte[] zip(String content) {
        return SampleZips.pythonHandler(content);
    }

    /** @return base64(SHA-256), Lambda's CodeSha256 */
    static String sha256(byte[] bytes) {
        return SampleZips.codeSha256(bytes);
    }

    /**
     * Starts a build of a new job {@code holding} that holds the lockable resource {@code arn} in a {@code lock} step
     * until its semaphore {@code hold/1} is released.
     *
     * @return that build, holding the resource
     */
    static WorkflowRun holdWithALockStep(JenkinsRule j, String arn) throws Exception {
        WorkflowJob holding = j.createProject(WorkflowJob.class, "holding");
        holding.setDefinition(new CpsFlowDefinition("lock(resource: '" + arn + "') { semaphore 'hold' }", true));
        WorkflowRun holder = holding.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("hold/1", holder);
        return holder;
    }

    /** @return the lockable resource named {@code name}, or null when there is none */
    static LockableResource resource(String name) {
        synchronized (LockableResourcesManager.syncResources) {
            for (LockableResource r : LockableResourcesManager.get().getResources()) {
                if (r.getName().equals(name)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** @return the build holding the lockable resource {@code name}, or null when it is free or absent */
    static Run<?, ?> holder(String name) {
        LockableResource r = resource(name);
        return r == null ? null : r.getBuild();
    }

    /**
     * The simulator's clock, which a test can stop: while stopped, every update in progress stays in progress (and
     * every waiting deployment keeps waiting), so a test can look at who holds which lock without racing the clock.
     * Restarting moves time an hour ahead, which ends every transition, and then runs on. Never goes backwards.
     */
    static final class StoppableClock extends Clock {
        private volatile Instant stoppedAt;
        private volatile Duration offset = Duration.ZERO;

        /** Stops time now. */
        void stop() {
            stoppedAt = instant();
        }

        /** Restarts time, an hour after where it stopped. */
        void restart() {
            Instant resumeAt = stoppedAt.plus(Duration.ofHours(1));
            offset = Duration.between(Instant.now(), resumeAt);
            stoppedAt = null;
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt;
            return stopped != null ? stopped : Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the simulator runs in UTC");
        }
    }
}
