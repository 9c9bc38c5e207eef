package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.FilePath;
import hudson.model.Node;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * How a deployment resumed after a controller restart waits, holding no thread, for the agent with its zip to
 * reconnect: it looks for the workspace from {@link Timer} every few seconds until a deadline. Agents usually come
 * back seconds to minutes after the controller; until then the step's workspace is null or its lookup throws (the
 * agent is offline). Not persisted: after another restart the wait starts anew.
 */
final class AgentWait {
    /** How often the workspace is looked for again: an agent's reconnection takes seconds at least. */
    static final long RETRY_MILLIS = 5000;

    private final StepContext context;
    private final long untilMillis;
    private ScheduledFuture<?> next;
    private boolean told;

    /** @param untilMillis when the wait gives up (epoch milliseconds) */
    AgentWait(StepContext context, long untilMillis) {
        this.context = context;
        this.untilMillis = untilMillis;
    }

    /** @return the workspace when its agent is connected, else null (not back yet) */
    FilePath workspace() throws InterruptedException {
        try {
            return context.get(FilePath.class);
        } catch (IOException offline) {
            return null; // workflow-durable-task-step's AgentOfflineException, or "... is offline"
        }
    }

    /** @return the agent of the step's workspace, as the log names it (it is known also while offline) */
    String agent() throws InterruptedException {
        try {
            Node node = context.get(Node.class);
            if (node != null) {
                return "agent " + (node.getNodeName().isEmpty() ? "built-in" : node.getNodeName());
            }
        } catch (IOException e) {
            // unknown: named generically below
        }
        return "the agent of this step's workspace";
    }

    /** @return whether the wait's deadline has passed */
    boolean expired() {
        return System.currentTimeMillis() >= untilMillis;
    }

    /** @return true the first time only: the wait is told in the log once */
    synchronized boolean firstTell() {
        boolean first = !told;
        told = true;
        return first;
    }

    /** Arms the next look, no later than the deadline, in place of a pending one. */
    synchronized void rearm(Runnable look) {
        cancel();
        long delay = Math.max(0, Math.min(RETRY_MILLIS, untilMillis - System.currentTimeMillis()));
        next = Timer.get().schedule(look, delay, TimeUnit.MILLISECONDS);
    }

    /** Cancels the pending look, if any. */
    synchronized void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
