package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.List;

/**
 * A way of deploying to Lambda, re-implemented faithfully with the real AWS SDK v2 client over HTTP. A strategy is
 * opened once per scenario run against a fresh simulator; each deployer is prepared before the start signal (its
 * client built, as a CI build would have it) and then deploys on its own thread.
 */
public interface Strategy {

    /** @return the name used on the command line, in tables and in JSON, e.g. {@code waiters-only} */
    String name();

    /**
     * @return the calls on the account's shared 15 req/s quota (everything but GetFunction) one deployment of this
     * strategy cannot do without: the mutations it asks for, and for the engine the alias read its RevisionId
     * needs. Polls could use GetFunction's own quota, so they are not counted. Gives the quota-bound time of the
     * lower bound.
     */
    int requiredQuotaCalls();

    /**
     * @param target the simulator of this run and its settings
     * @return the strategy's process-wide state for this run (clients, locks, what it learned); close it after
     */
    Run open(BenchTarget target);

    /** The state a strategy keeps for one scenario run. */
    interface Run extends AutoCloseable {
        /**
         * Prepares one deployer before the start signal.
         *
         * @param spec what it deploys
         * @return the deployer, which runs once
         */
        Deployer prepare(DeploymentSpec spec);

        /** @return the warm-up deployment made in {@link Strategy#open}, or null when there was none */
        default WarmUp warmUp() {
            return null;
        }

        /** Closes clients; never throws. */
        @Override
        void close();
    }

    /**
     * A deployment made before the measured run, by a process that has learned nothing yet: what a cold process (one
     * CLI run) pays.
     *
     * @param notices  the updates it waited for
     * @param apiCalls the SDK calls it made
     */
    record WarmUp(List<Notice> notices, int apiCalls) {
        /** Copies the notices. */
        public WarmUp {
            notices = List.copyOf(notices);
        }
    }

    /** One prepared deployment. */
    @FunctionalInterface
    interface Deployer {
        /**
         * Deploys, on the calling thread.
         *
         * @param trace the calls of this deployment (already bound to the thread: every client of the run records into it)
         * @return what happened; a refused call is a failed outcome, not an exception
         */
        DeploymentOutcome deploy(CallTrace trace);
    }
}
