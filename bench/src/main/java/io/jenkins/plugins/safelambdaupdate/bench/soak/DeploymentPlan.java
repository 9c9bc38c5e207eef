package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One deployment of the soak, decided before it starts: what it deploys and asks for, and whether and when it is
 * interrupted.
 *
 * @param deployer        index of the deployer thread
 * @param round           0-based round
 * @param label           e.g. {@code d07-r2}, also the value of its {@value #MARKER} variable
 * @param function        the bare function name
 * @param zip             the zip file it deploys (distinct bytes for every deployment)
 * @param codeSha256      the zip's CodeSha256
 * @param memorySize      the memory it asks for
 * @param publish         whether it publishes a version
 * @param alias           the alias it moves, or null
 * @param deadline        its deadline
 * @param interrupt       when it is interrupted, or null when it is not
 * @param interruptDelay  the delay for the delayed moments
 * @param interruptAtStep for {@link InterruptMoment#BETWEEN_PHASES}: the n-th step-ending event, from 1
 */
public record DeploymentPlan(int deployer, int round, String label, String function, Path zip, String codeSha256,
                             int memorySize, boolean publish, String alias, Duration deadline,
                             InterruptMoment interrupt, Duration interruptDelay, int interruptAtStep) {
    /** The environment variable each deployment sets (merged into the others) to its label. */
    public static final String MARKER = "DEPLOYED_BY";

    /** @return the environment it asks for: {@value #MARKER} = its label */
    public Map<String, String> environment() {
        return Map.of(MARKER, label);
    }
}
