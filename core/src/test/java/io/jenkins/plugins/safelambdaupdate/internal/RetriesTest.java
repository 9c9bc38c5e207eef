package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A retry spends from the budget it is given, not from the phase under way: another writer's change found after a
 * phase counts against that phase.
 */
class RetriesTest {
    private final List<DeploymentEvent> events = new ArrayList<>();
    /** A foreign change found by a read is retried without AWS. */
    private final OfflineRuns runs = new OfflineRuns();

    @AfterEach
    void close() {
        runs.close();
    }

    private PhaseSupport run(ForeignChangePolicy policy) {
        return runs.start(events::add, 3, policy);
    }

    @Test
    void aForeignChangeCountsAgainstThePhaseWhoseBudgetItIsGiven() {
        PhaseSupport run = run(ForeignChangePolicy.REAPPLY);
        RetryBudget configuration = run.ledger().begin(Phase.CONFIGURATION);

        run.retries().foreignChange(run.ledger().budget(Phase.CODE), null, "code replaced by another writer");

        assertThat(events).singleElement().isInstanceOfSatisfying(DeploymentEvent.Retrying.class, e -> {
            assertThat(e.phase()).isEqualTo(Phase.CODE);
            assertThat(e.cause()).isEqualTo(RetryCause.STALE_REVISION);
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.errorCode()).as("found by a read, not refused by AWS").isNull();
        });
        assertThat(run.ledger().budget(Phase.CODE).spent()).isEqualTo(1);
        assertThat(configuration.spent()).as("the phase under way spent nothing").isZero();
        assertThat(run.ctx().phase()).as("the phase under way is the ledger's, untouched")
                .isEqualTo(Phase.CONFIGURATION);
    }

    @Test
    void underFailAForeignChangeStopsNamingThePhaseAndSpendsNothing() {
        PhaseSupport run = run(ForeignChangePolicy.FAIL);
        run.ledger().begin(Phase.PUBLISH);
        RetryBudget code = run.ledger().budget(Phase.CODE);

        assertThatThrownBy(() -> run.retries().foreignChange(code, null, "code replaced by another writer"))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.FOREIGN_CHANGE);
                    assertThat(e.getMessage()).contains("during the code phase (code replaced by another writer)");
                });
        assertThat(code.spent()).isZero();
        assertThat(events).isEmpty();
    }
}
