package io.jenkins.plugins.safelambdaupdate.bench;

/**
 * {@code naive}: UpdateFunctionCode, then UpdateFunctionConfiguration back to back, then PublishVersion; no
 * waiting, no lock. The most common CI script (and what the 2017 Jenkins aws-lambda-plugin did).
 */
final class NaiveStrategy extends ScriptStrategy {
    static final String NAME = "naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String run(Script script) {
        script.updateCode();
        script.updateConfiguration();
        return script.publish();
    }
}
