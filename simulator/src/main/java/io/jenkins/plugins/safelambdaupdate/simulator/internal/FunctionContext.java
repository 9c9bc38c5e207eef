package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.time.Clock;

/**
 * What every stored function needs from its simulator: where it lives, what time it is, how long
 * transitions take, fresh ids, and the failures planned for it.
 */
public record FunctionContext(AccountScope scope, Clock clock, Timings timings, IdGenerator ids,
                              FaultInjector faults) {
}
