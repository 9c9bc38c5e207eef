package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Listens to one deployment on its thread: keeps its events, fires its planned interrupt at the moment picked from
 * them, and, for a deployment that does not publish, looks at {@code $LATEST} in the simulator the moment it is
 * verified (the lock is still held then, so only the outside writer can have changed it since).
 */
final class SoakListener implements DeploymentListener {
    private final DeploymentRecord record;
    private final ScheduledExecutorService interrupter;
    private final LambdaSimulator simulator;
    private boolean fired;
    private int steps;

    SoakListener(DeploymentRecord record, ScheduledExecutorService interrupter, LambdaSimulator simulator) {
        this.record = record;
        this.interrupter = interrupter;
        this.simulator = simulator;
    }

    /** Called on the deploying thread just before {@code deploy}: arms the interrupt that needs no event. */
    void beforeDeploy() {
        if (record.plan().interrupt() == InterruptMoment.ANY_TIME) {
            fireLater();
        }
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        record.event(event);
        DeploymentPlan plan = record.plan();
        InterruptMoment moment = plan.interrupt();
        if (moment == InterruptMoment.WHILE_WAITING_FOR_LOCK && event instanceof DeploymentEvent.LockWaiting) {
            fireLater();
        } else if (moment == InterruptMoment.WHILE_WAITING_FOR_UPDATE && event instanceof DeploymentEvent.Submitted s
                && (s.phase() == Phase.CODE || s.phase() == Phase.CONFIGURATION)) {
            fireLater();
        } else if (moment == InterruptMoment.BETWEEN_PHASES && endsAStep(event) && ++steps == plan.interruptAtStep()
                && !fired) {
            fired = true;
            record.interruptIfRunning();
        }
        if (event instanceof DeploymentEvent.Verified verified && !plan.publish()) {
            FunctionSnapshot now = simulator.function(plan.function()).orElseThrow();
            if (now.revisionId().equals(verified.revisionId())) {
                record.latestAtVerification(now.latest());
            } else {
                record.latestChangedBeforeCheck();
            }
        }
    }

    private void fireLater() {
        if (!fired) {
            fired = true;
            interrupter.schedule(record::interruptIfRunning, record.plan().interruptDelay().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private static boolean endsAStep(DeploymentEvent event) {
        return event instanceof DeploymentEvent.LockAcquired || event instanceof DeploymentEvent.Settled
                || event instanceof DeploymentEvent.Skipped || event instanceof DeploymentEvent.Confirmed
                || event instanceof DeploymentEvent.Published || event instanceof DeploymentEvent.AliasMoved;
    }
}
