package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.bench.CallRecorder;
import io.jenkins.plugins.safelambdaupdate.bench.CallTrace;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Counts the invariant violations of a finished soak and gathers its figures. Used once. */
final class SoakChecks {
    private final SoakSettings settings;
    private final LambdaSimulator simulator;
    private final LockProvider locks;
    private final List<String> functions;
    private final List<String> details = new ArrayList<>();

    private int wrongCode;
    private int wrongConfiguration;
    private int publishedChecked;
    private int latestChecked;
    private int latestNotCheckable;

    SoakChecks(SoakSettings settings, LambdaSimulator simulator, LockProvider locks, List<String> functions) {
        this.settings = settings;
        this.simulator = simulator;
        this.locks = locks;
        this.functions = functions;
    }

    SoakReport report(List<DeploymentRecord> records, CallRecorder recorder, List<OutsideWriter> writers,
                      UpdateFailurePlanner planner, long wallTimeMillis) throws InterruptedException {
        int succeeded = 0;
        int failed = 0;
        int published = 0;
        int escaped = 0;
        int hung = 0;
        int overruns = 0;
        int lateMutations = 0;
        int flagNotRestored = 0;
        int planned = 0;
        int delivered = 0;
        Map<String, Integer> failedByCause = new TreeMap<>();
        Map<String, Integer> interruptedOutcomes = new TreeMap<>();
        Map<String, Integer> byMoment = new TreeMap<>();
        Map<String, Integer> engineRetries = new TreeMap<>();
        Set<String> lockNames = new TreeSet<>();
        long graceNanos = settings.deadlineGrace().toNanos();

        for (DeploymentRecord record : records) {
            DeploymentPlan plan = record.plan();
            for (DeploymentEvent event : record.events()) {
                if (event instanceof DeploymentEvent.Retrying retrying) {
                    engineRetries.merge(retrying.cause().name(), 1, Integer::sum);
                } else if (event instanceof DeploymentEvent.LockAcquired acquired) {
                    lockNames.add(acquired.lockName());
                }
            }
            if (plan.interrupt() != null) {
                planned++;
            }
            if (record.hung()) {
                hung++;
                details.add(plan.label() + ": still running at the overall limit of " + settings.overallLimit());
            }
            switch (record.outcome()) {
                case SUCCEEDED -> {
                    succeeded++;
                    if (plan.publish()) {
                        published++;
                    }
                    checkSuccess(record);
                }
                case FAILED -> {
                    failed++;
                    failedByCause.merge(record.failure().name(), 1, Integer::sum);
                }
                case ESCAPED -> {
                    escaped++;
                    details.add(plan.label() + ": deploy threw " + record.escaped() + at(record.escaped()));
                }
                case RUNNING -> {
                    // counted as hung above
                }
            }
            if (record.outcome() != DeploymentRecord.Outcome.RUNNING
                    && record.elapsedNanos() - plan.deadline().toNanos() > graceNanos) {
                overruns++;
                details.add(plan.label() + ": took " + millis(record.elapsedNanos()) + " ms with a deadline of "
                        + plan.deadline().toMillis() + " ms");
            }
            if (record.interruptedWhileRunning()) {
                delivered++;
                byMoment.merge(String.valueOf(plan.interrupt()), 1, Integer::sum);
                interruptedOutcomes.merge(record.outcome() == DeploymentRecord.Outcome.FAILED
                        ? record.failure().name() : record.outcome().name(), 1, Integer::sum);
                for (CallTrace.Attempt late : record.mutationsAfterInterrupt()) {
                    lateMutations++;
                    details.add(plan.label() + ": " + late.operation() + " transmitted "
                            + millis(late.beforeTransmission() - record.interruptNanos()) + " ms after the interrupt ("
                            + plan.interrupt() + ")");
                }
            }
            if (record.failure() == FailureKind.INTERRUPTED && !record.interruptFlagAfter()) {
                flagNotRestored++;
                details.add(plan.label() + ": failed as INTERRUPTED but the thread's interrupt flag was clear");
            }
        }
        for (String function : functions) {
            lockNames.add(simulator.function(function).orElseThrow().functionArn());
        }
        int locksHeld = 0;
        for (String lockName : lockNames) {
            try {
                FunctionLock lock = locks.acquire(lockName, Duration.ZERO, holder -> { });
                lock.close();
            } catch (LockTimeoutException e) {
                locksHeld++;
                details.add("lock " + lockName + " still held after every deployer ended: " + e.getMessage());
            }
        }

        SimulatorStats stats = simulator.stats();
        SoakReport.Injected injected = new SoakReport.Injected(stats.refusals("TooManyRequestsException"),
                stats.refusalsWithStatus(500) + stats.refusalsWithStatus(503), planner.armed(),
                writers.stream().mapToInt(OutsideWriter::landed).sum(),
                writers.stream().mapToInt(OutsideWriter::codeWrites).sum(),
                writers.stream().mapToInt(OutsideWriter::refusedWithConflict).sum(), planned, delivered, byMoment);
        SoakReport.Deployments deployments = new SoakReport.Deployments(records.size(), succeeded, failed,
                failedByCause, interruptedOutcomes, published);
        SoakReport.Retries retries = new SoakReport.Retries(engineRetries, recorder.sdkRetriesByCause());
        SoakReport.ApiCalls apiCalls = new SoakReport.ApiCalls(stats.totalCalls(), new TreeMap<>(stats.callsByOperation()),
                new TreeMap<>(stats.refusalsByType()), recorder.attemptsByOperation(),
                writers.stream().mapToInt(OutsideWriter::calls).sum());
        SoakReport.Checks checks = new SoakReport.Checks(publishedChecked, latestChecked, latestNotCheckable,
                delivered, lockNames.size());
        InvariantViolations violations = new InvariantViolations(wrongCode, wrongConfiguration, locksHeld, overruns,
                lateMutations, escaped, hung, flagNotRestored);
        return new SoakReport(settings, wallTimeMillis, injected, deployments, retries, apiCalls, checks, violations,
                List.copyOf(details));
    }

    private void checkSuccess(DeploymentRecord record) {
        DeploymentPlan plan = record.plan();
        DeploymentResult result = record.result();
        if (!plan.codeSha256().equals(result.codeSha256())) {
            wrongCode++;
            details.add(plan.label() + ": succeeded with CodeSha256 " + result.codeSha256() + ", deployed "
                    + plan.codeSha256());
        }
        VersionSnapshot verified;
        String what;
        if (plan.publish()) {
            String version = result.version().orElse(null);
            FunctionSnapshot function = simulator.function(plan.function()).orElseThrow();
            verified = function.versions().stream().filter(v -> v.version().equals(version)).findFirst().orElse(null);
            what = "version " + version;
            if (verified == null) {
                wrongCode++;
                details.add(plan.label() + ": succeeded with version " + version + ", which does not exist");
                return;
            }
            publishedChecked++;
        } else {
            verified = record.latestAtVerification();
            what = "$LATEST";
            if (verified == null) {
                latestNotCheckable++;
                return;
            }
            latestChecked++;
        }
        if (!plan.codeSha256().equals(verified.codeSha256())) {
            wrongCode++;
            details.add(plan.label() + ": " + what + " holds CodeSha256 " + verified.codeSha256() + ", deployed "
                    + plan.codeSha256());
        }
        List<String> differing = new ArrayList<>();
        if (!plan.label().equals(verified.environment().get(DeploymentPlan.MARKER))) {
            differing.add(DeploymentPlan.MARKER + "=" + verified.environment().get(DeploymentPlan.MARKER));
        }
        if (verified.memorySize() != plan.memorySize()) {
            differing.add("memorySize=" + verified.memorySize() + " (asked " + plan.memorySize() + ")");
        }
        if (!Objects.equals(verified.revisionId(), result.revisionId())) {
            differing.add("RevisionId " + verified.revisionId() + " (verified " + result.revisionId() + ")");
        }
        if (!differing.isEmpty()) {
            wrongConfiguration++;
            details.add(plan.label() + ": " + what + " differs from the request: " + String.join(", ", differing));
        }
    }

    private static String at(Throwable e) {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(4, frames.length); i++) {
            sb.append(" at ").append(frames[i]);
        }
        return sb.toString();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
