package io.jenkins.plugins.safelambdaupdate.bench;

/**
 * {@code check-then-update}: the commonly recommended script. Read LastUpdateStatus; if InProgress, wait with the
 * SDK waiter; update code, wait; update configuration, wait; publish. No lock: two builds can both see
 * {@code Successful} and both update.
 */
final class CheckThenUpdateStrategy extends ScriptStrategy {
    static final String NAME = "check-then-update";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String run(Script script) {
        if (Script.inProgress(script.readFunction())) {
            script.awaitUpdated(null, null);
        }
        script.awaitUpdated("UpdateFunctionCode", script.updateCode());
        script.awaitUpdated("UpdateFunctionConfiguration", script.updateConfiguration());
        return script.publish();
    }
}
