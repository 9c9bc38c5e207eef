package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;

/** Where {@code deploy} reports a deployment on standard output: human lines or JSON lines. */
interface DeploymentOutput extends DeploymentListener {

    /** @param event an event of the running deployment, in order */
    @Override
    void onEvent(DeploymentEvent event);

    /** @param result the outcome of a deployment that completed */
    void succeeded(DeploymentResult result);

    /**
     * @param failure why the deployment did not complete (the message goes to standard error separately)
     * @param exitCode the exit code the command ends with
     */
    void failed(DeploymentException failure, int exitCode);
}
