package io.jenkins.plugins.safelambdaupdate.jenkins;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;

/**
 * The wait for the lock as the build shows it: a {@link PauseAction} on the step's node (flow graph, stage views).
 * Tries that found the lock busy and the one that took it may run on two timer threads at once, so showing and ending
 * are serialized here, and a pause is shown only while the step still waits: a busy try that loses the race to the
 * try that took the lock leaves no pause behind. Not under the execution's monitor: the flow graph may be slow.
 */
final class WaitPause {
    private static final Logger LOGGER = Logger.getLogger(WaitPause.class.getName());

    private final StepContext context;
    private final String cause;

    /** @param cause what the pause says, for example "Waiting for lock ARN" */
    WaitPause(StepContext context, String cause) {
        this.context = context;
        this.cause = cause;
    }

    /** Shows the pause once, if {@code stillWaiting} (read here, after any {@link #end} before this). */
    synchronized void show(BooleanSupplier stillWaiting) {
        FlowNode node = node();
        try {
            if (node != null && stillWaiting.getAsBoolean() && !PauseAction.isPaused(node)) {
                node.addAction(new PauseAction(cause));
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not show the wait on the flow graph", e);
        }
    }

    /** Ends the pause, if one is shown. Call after the step stopped waiting. */
    synchronized void end() {
        FlowNode node = node();
        try {
            if (node != null && PauseAction.isPaused(node)) {
                PauseAction.endCurrentPause(node);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not end the wait on the flow graph", e);
        }
    }

    private FlowNode node() {
        try {
            return context.get(FlowNode.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "No flow node to show the wait on", e);
            return null;
        }
    }
}
