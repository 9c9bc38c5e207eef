package io.jenkins.plugins.safelambdaupdate;

/**
 * Receives the events of a deployment, on the deploying thread, in order. Must return quickly and not throw;
 * an exception thrown by a listener is logged and ignored.
 */
@FunctionalInterface
public interface DeploymentListener {
    /** A listener that ignores every event. */
    DeploymentListener NONE = event -> { };

    /** @param event the event, never null */
    void onEvent(DeploymentEvent event);
}
