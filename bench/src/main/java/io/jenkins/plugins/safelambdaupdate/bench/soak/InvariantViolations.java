package io.jenkins.plugins.safelambdaupdate.bench.soak;

/**
 * What must never happen, each as a count; all must be zero.
 *
 * @param successWithWrongCode          a deployment reported successful whose published version (or, without publish,
 *                                      {@code $LATEST} as verified) does not hold its CodeSha256, or whose result
 *                                      names another CodeSha256
 * @param successWithWrongConfiguration a successful deployment whose configuration (its variable, its memory size) was
 *                                      not what it asked for in the revision it verified
 * @param locksHeldAfterEnd             a function lock that could not be taken at once after every deployer ended
 * @param deadlineOverruns              a deployment that ended more than the grace after its deadline
 * @param mutationsAfterInterrupt       a mutation (update, publish, alias) its deployer's client transmitted after
 *                                      the deploying thread was interrupted
 * @param escapedExceptions             a {@code deploy} that threw anything but a DeploymentException
 * @param hungDeployments               a deployment still running when every deployer should have ended
 * @param interruptFlagNotRestored      a deployment failed as INTERRUPTED whose thread's interrupt flag was not set
 */
public record InvariantViolations(int successWithWrongCode, int successWithWrongConfiguration, int locksHeldAfterEnd,
                                  int deadlineOverruns, int mutationsAfterInterrupt, int escapedExceptions,
                                  int hungDeployments, int interruptFlagNotRestored) {

    /** @return the sum of every count */
    public int total() {
        return successWithWrongCode + successWithWrongConfiguration + locksHeldAfterEnd + deadlineOverruns
                + mutationsAfterInterrupt + escapedExceptions + hungDeployments + interruptFlagNotRestored;
    }
}
