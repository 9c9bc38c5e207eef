package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A phase's retry budget: its own count for the whole run (re-applies included), the failure when it runs out, and
 * the reason a deadline message gives.
 */
class RetryBudgetTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private final OfflineRuns runs = new OfflineRuns();

    @AfterEach
    void close() {
        runs.close();
    }

    private DeploymentLedger ledger(int retriesPerPhase) {
        PhaseSupport run = runs.start(DeploymentListener.NONE, retriesPerPhase, ForeignChangePolicy.REAPPLY);
        run.ctx().functionArn(ARN);
        return run.ledger();
    }

    @Test
    void conflictsPastTheLimitGiveUpNamingThePhaseAndTheLastRefusal() {
        RetryBudget budget = ledger(2).budget(Phase.CONFIGURATION);

        assertThat(budget.spend(RetryCause.CONFLICT, "ResourceConflictException")).isEqualTo(1);
        assertThat(budget.spend(RetryCause.STALE_REVISION, "configuration changed by another writer")).isEqualTo(2);

        assertThatThrownBy(() -> budget.spend(RetryCause.STALE_REVISION, "PreconditionFailedException"))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.CONFLICT_RETRIES_EXHAUSTED);
                    assertThat(e.getMessage()).isEqualTo("Gave up on the configuration phase after 2 retries"
                            + " (last: PreconditionFailedException)");
                    assertThat(e.functionArn()).contains(ARN);
                });
    }

    @Test
    void throttlingOrServerErrorsPastTheLimitAreAwsErrors() {
        DeploymentLedger ledger = ledger(1);
        RetryBudget code = ledger.budget(Phase.CODE);
        code.spend(RetryCause.THROTTLED, "TooManyRequestsException");
        assertThatThrownBy(() -> code.spend(RetryCause.THROTTLED, "TooManyRequestsException"))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.AWS_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Gave up on the code phase after 1 retries"
                            + " (AWS kept throttling; last: TooManyRequestsException)");
                });

        RetryBudget publish = ledger.budget(Phase.PUBLISH);
        publish.spend(RetryCause.SERVER_ERROR, "ServiceException");
        assertThatThrownBy(() -> publish.spend(RetryCause.SERVER_ERROR, "ServiceException"))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.AWS_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Gave up on the publish phase after 1 retries"
                            + " (AWS kept answering with server errors; last: ServiceException)");
                });
    }

    @Test
    void noRetriesAllowedGivesUpAtTheFirst() {
        RetryBudget budget = ledger(0).budget(Phase.ALIAS);

        assertThatThrownBy(() -> budget.spend(RetryCause.CONFLICT, "ResourceConflictException"))
                .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Gave up on the alias phase after 0 retries (last: ResourceConflictException)"));
    }

    @Test
    void eachPhaseHasItsOwnBudgetForTheWholeRun() {
        DeploymentLedger ledger = ledger(2);

        RetryBudget code = ledger.begin(Phase.CODE);
        code.spend(RetryCause.CONFLICT, "ResourceConflictException");
        code.spend(RetryCause.CONFLICT, "ResourceConflictException");
        RetryBudget configuration = ledger.begin(Phase.CONFIGURATION);

        assertThat(configuration).isNotSameAs(code);
        assertThat(configuration.phase()).isEqualTo(Phase.CONFIGURATION);
        assertThat(configuration.spend(RetryCause.CONFLICT, "ResourceConflictException"))
                .as("the code phase's retries are not the configuration phase's").isEqualTo(1);
        assertThat(configuration.spend(RetryCause.CONFLICT, "ResourceConflictException")).isEqualTo(2);
        RetryBudget reapplied = ledger.begin(Phase.CODE);
        assertThat(reapplied).as("a re-applied phase spends from the same budget").isSameAs(code);
        assertThat(reapplied.spent()).isEqualTo(2);
        assertThatThrownBy(() -> reapplied.spend(RetryCause.STALE_REVISION, "code replaced by another writer"))
                .isInstanceOfSatisfying(DeploymentException.class,
                        e -> assertThat(e.getMessage()).startsWith("Gave up on the code phase after 2 retries"));
        assertThat(ledger.budget(Phase.VERIFY).spent()).isZero();
    }

    @Test
    void onlyADeadlineAfterRetriesSaysWhyThePhaseRetried() {
        DeploymentLedger ledger = ledger(3);
        RetryBudget code = ledger.budget(Phase.CODE);
        DeploymentException deadline = new DeploymentException(FailureKind.DEADLINE_EXCEEDED,
                "Deadline of 1.0 s exceeded during the code phase");
        assertThat(code.explained(deadline)).as("no retry yet").isSameAs(deadline);

        code.spend(RetryCause.THROTTLED, "TooManyRequestsException");
        code.spend(RetryCause.STALE_REVISION, "code replaced by another writer");

        assertThat(code.explained(deadline).getMessage()).isEqualTo("Deadline of 1.0 s exceeded during the code phase"
                + " (after retries because of changes by another writer (last: code replaced by another writer))");
        assertThat(code.explained(deadline).failure()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
        DeploymentException interrupted = new DeploymentException(FailureKind.INTERRUPTED, "Interrupted");
        assertThat(code.explained(interrupted)).isSameAs(interrupted);
        assertThat(ledger.budget(Phase.CONFIGURATION).explained(deadline)).as("another phase's budget")
                .isSameAs(deadline);
    }
}
