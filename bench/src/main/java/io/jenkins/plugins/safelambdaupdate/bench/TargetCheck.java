package io.jenkins.plugins.safelambdaupdate.bench;

/**
 * One of the engine's targets, as measured in a run.
 *
 * @param target   what is asked, e.g. {@code makespan at K=16 <= 1.10 x lower bound}
 * @param measured what was measured, e.g. {@code 1.04 x}
 * @param met      whether the target is met
 */
public record TargetCheck(String target, String measured, boolean met) {
}
