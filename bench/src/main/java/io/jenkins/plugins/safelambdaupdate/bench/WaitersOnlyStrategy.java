package io.jenkins.plugins.safelambdaupdate.bench;

/**
 * {@code waiters-only}: update code, SDK waiter, update configuration, SDK waiter, publish (as CDK hotswap and the
 * AWS CLI's {@code wait function-updated-v2} scripts do); no status check first, no lock.
 */
final class WaitersOnlyStrategy extends ScriptStrategy {
    static final String NAME = "waiters-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String run(Script script) {
        script.awaitUpdated("UpdateFunctionCode", script.updateCode());
        script.awaitUpdated("UpdateFunctionConfiguration", script.updateConfiguration());
        return script.publish();
    }
}
