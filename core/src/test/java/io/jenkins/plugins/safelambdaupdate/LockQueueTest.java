package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thread-free queue of the Jenkins step: order, wake-ups, holds named by ticket, and restore after a restart. */
class LockQueueTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final LockQueue queue = new LockQueue(Duration.ofSeconds(5));
    private final List<String> woken = new ArrayList<>();

    private LockTicket ticket(String id, int second) {
        return new LockTicket(id, T0.plusSeconds(second));
    }

    private void join(LockTicket t) {
        queue.join(ARN, t, () -> woken.add(t.id()));
    }

    @Test
    void onlyTheFirstWaiterIsNextAndOnlyWhileNoTicketOfOursHoldsTheLock() {
        LockTicket a = ticket("a", 1);
        LockTicket b = ticket("b", 2);
        join(a);
        join(b);

        assertThat(queue.isNext(ARN, a, T0)).isTrue();
        assertThat(queue.isNext(ARN, b, T0)).isFalse();
        assertThat(queue.position(ARN, b)).isEqualTo(1);

        assertThat(queue.hold(ARN, a)).isTrue();
        assertThat(queue.holder(ARN)).contains(a);
        assertThat(queue.position(ARN, a)).isEqualTo(-1);
        assertThat(queue.isNext(ARN, b, T0)).as("first now, but a holds the lock").isFalse();
        assertThat(queue.hold(ARN, b)).as("one hold of ours at a time").isFalse();
    }

    @Test
    void aReleaseWakesTheFirstWaiterAtOnce() {
        LockTicket a = ticket("a", 1);
        LockTicket b = ticket("b", 2);
        LockTicket c = ticket("c", 3);
        queue.hold(ARN, a);
        join(b);
        join(c);

        assertThat(queue.release(ARN, a)).isTrue();

        assertThat(woken).containsExactly("b");
        assertThat(queue.isNext(ARN, b, T0)).isTrue();
        assertThat(queue.holder(ARN)).isEmpty();
    }

    @Test
    void aWaiterLeavingWakesTheNextOneAndALaterOneLeavingWakesNobody() {
        LockTicket a = ticket("a", 1);
        LockTicket b = ticket("b", 2);
        LockTicket c = ticket("c", 3);
        join(a);
        join(b);
        join(c);

        queue.leave(ARN, c);
        assertThat(woken).containsExactly("a");
        queue.leave(ARN, a);
        assertThat(woken).containsExactly("a", "b");
        assertThat(queue.isNext(ARN, b, T0)).isTrue();
        queue.leave(ARN, a); // not queued any more: nothing happens
        assertThat(woken).containsExactly("a", "b");
    }

    @Test
    void aLateReleaseOfAnOldHolderNeverFreesTheNewOne() {
        LockTicket old = ticket("old", 1);
        LockTicket current = ticket("current", 2);
        queue.hold(ARN, old);
        queue.release(ARN, old);
        queue.hold(ARN, current);

        assertThat(queue.release(ARN, old)).isFalse();

        assertThat(queue.holder(ARN)).contains(current);
        assertThat(woken).isEmpty();
    }

    @Test
    void restoredWaitersTakeTheirOriginalPlacesWhateverOrderTheyComeBackIn() {
        LockTicket first = ticket("zz-first", 1);
        LockTicket second = ticket("aa-second", 2);
        LockTicket third = ticket("mm-third", 3);
        Instant now = T0.plusSeconds(3600);

        // after a restart, the builds resume in any order
        queue.restore(ARN, third, () -> woken.add("third"), now);
        queue.restore(ARN, first, () -> woken.add("first"), now.plusSeconds(1));
        queue.restore(ARN, second, () -> woken.add("second"), now.plusSeconds(2));

        assertThat(queue.position(ARN, first)).isZero();
        assertThat(queue.position(ARN, second)).isEqualTo(1);
        assertThat(queue.position(ARN, third)).isEqualTo(2);
        // a new build joining after the restart queues behind all of them
        LockTicket fresh = ticket("0-fresh", 3601);
        join(fresh);
        assertThat(queue.position(ARN, fresh)).isEqualTo(3);
    }

    @Test
    void nobodyIsNextDuringTheGraceAfterTheLastRestore() {
        LockTicket first = ticket("first", 1);
        LockTicket second = ticket("second", 2);
        Instant now = T0.plusSeconds(3600);
        queue.restore(ARN, second, () -> { }, now);

        assertThat(queue.isNext(ARN, second, now.plusSeconds(4))).as("first may still come back").isFalse();
        queue.restore(ARN, first, () -> { }, now.plusSeconds(4));
        assertThat(queue.isNext(ARN, first, now.plusSeconds(8))).as("grace runs from the last restore").isFalse();
        assertThat(queue.isNext(ARN, first, now.plusSeconds(9))).isTrue();
        assertThat(queue.isNext(ARN, second, now.plusSeconds(9))).isFalse();
    }

    @Test
    void locksAreIndependentAndTicketsOrderByQueueTimeThenToken() {
        LockTicket a = ticket("b", 1);
        LockTicket sameTime = ticket("a", 1);
        join(a);
        queue.join(ARN + "-other", ticket("x", 0), () -> { });
        join(sameTime);

        assertThat(queue.isNext(ARN, sameTime, T0)).isTrue();
        assertThat(queue.isNext(ARN + "-other", ticket("x", 0), T0)).isTrue();
        assertThat(sameTime.compareTo(a)).isNegative();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> new LockQueue(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockTicket(null, T0)).hasMessage("id cannot be null");
        assertThatThrownBy(() -> queue.join(null, ticket("a", 1), () -> { })).hasMessage("lockName cannot be null");
    }
}
