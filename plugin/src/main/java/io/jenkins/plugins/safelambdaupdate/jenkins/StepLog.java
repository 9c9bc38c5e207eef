package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.model.TaskListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** The build log of one {@code safeLambdaUpdate}: every line prefixed {@value StepDeployment#PREFIX}. */
final class StepLog {
    private static final Logger LOGGER = Logger.getLogger(StepLog.class.getName());

    private final StepContext context;

    StepLog(StepContext context) {
        this.context = context;
    }

    /** Writes an engine event as the CLI and the deployment do. */
    void event(DeploymentEvent event) {
        line(new EventRenderer().render(event));
    }

    void line(String line) {
        stream().println(StepDeployment.PREFIX + line);
    }

    /** @return the build log, or a sink (logged) when the build has none any more */
    PrintStream stream() {
        try {
            return context.get(TaskListener.class).getLogger();
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, "No build log for safeLambdaUpdate", e);
            return TaskListener.NULL.getLogger();
        }
    }
}
