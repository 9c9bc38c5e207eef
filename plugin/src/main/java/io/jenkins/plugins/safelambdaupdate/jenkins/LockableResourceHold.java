package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.console.ModelHyperlinkNote;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LockQueue;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.LockTicket;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkins.plugins.lockableresources.LockableResource;
import org.jenkins.plugins.lockableresources.LockableResourcesManager;
import org.jenkins.plugins.lockableresources.queue.LockableResourcesStruct;

/**
 * The function lock as a lockable resource named exactly after the canonical function ARN, taken and released with
 * the public lockable-resources API for one {@code safeLambdaUpdate} identified by its {@link LockTicket}: the
 * resource's lock reason carries the ticket ({@link #reason}), so a release frees our own hold only, never a hold
 * that a {@code lock} step or another deployment took since (an aborted build's late release included).
 *
 * <p>Every try is one short critical section under the manager's lock, made from a timer: nobody blocks here.
 */
final class LockableResourceHold {
    /** The start of the lock reason shown on the resource; the ticket follows. */
    static final String REASON_PREFIX = "safeLambdaUpdate deployment ";

    private static final Logger LOGGER = Logger.getLogger(LockableResourceHold.class.getName());

    private LockableResourceHold() {
    }

    /** @return the lock reason of the hold of {@code ticket} */
    static String reason(LockTicket ticket) {
        return REASON_PREFIX + ticket.id();
    }

    /**
     * One try to take the lock for {@code ticket}; records our hold in {@code queue} when taken.
     *
     * @param next whether the ticket is the one of our waiters that may take the lock now ({@link LockQueue#isNext})
     * @param enclosed whether a {@code lock} block around the step holds this resource
     * @return acquired, held by the enclosing {@code lock} block, or busy with who holds it
     * @throws InvalidRequestException when the resource is missing and may not be created
     */
    static Attempt tryTake(Run<?, ?> run, String name, LockTicket ticket, boolean next, boolean enclosed,
                           LockQueue queue) {
        LockableResourcesManager manager = LockableResourcesManager.get();
        synchronized (LockableResourcesManager.syncResources) {
            LockableResource resource = find(manager, name);
            if (resource != null && run.equals(resource.getBuild())) {
                if (reason(ticket).equals(resource.getLockReason())) {
                    queue.hold(name, ticket); // already ours: taken before a restart
                    return Attempt.ACQUIRED;
                }
                if (isOurs(resource)) {
                    return Attempt.busy("another safeLambdaUpdate of this build (" + run.getFullDisplayName() + ")",
                            run);
                }
                if (!enclosed) {
                    // Held by this build, but not around this step: a lock block in another parallel branch.
                    return Attempt.busy("a lock step in another branch of this build (" + run.getFullDisplayName()
                            + ")", run);
                }
                if (!next || !queue.hold(name, ticket)) {
                    // Our deployments under one enclosing lock still take turns.
                    return Attempt.busy("another safeLambdaUpdate of this build (" + run.getFullDisplayName()
                            + ") under the same lock block", run);
                }
                return Attempt.ENCLOSED;
            }
            if (!next) {
                String holder = describe(resource);
                return Attempt.busy(holder != null ? holder : "an earlier safeLambdaUpdate waiting on this controller",
                        resource == null ? null : resource.getBuild());
            }
            if (resource == null && !manager.createResource(name)) {
                throw new InvalidRequestException(Parameter.LOCK, "cannot be taken: the lockable resource " + name
                        + " does not exist and"
                        + " the Lockable Resources settings do not allow creating resources on the fly (ephemeral"
                        + " resources): declare that resource, allow ephemeral resources, or set lock: false and wrap"
                        + " the step in lock(resource: '" + name + "') { }");
            }
            List<LockableResource> free = manager.getAvailableResources(
                    List.of(new LockableResourcesStruct(List.of(name))));
            if (free == null || free.isEmpty() || !manager.lock(free, run, reason(ticket))) {
                LockableResource busy = find(manager, name);
                return Attempt.busy(describe(busy), busy == null ? null : busy.getBuild());
            }
            queue.hold(name, ticket);
            return Attempt.ACQUIRED;
        }
    }

    /** @return whether the resource is still held by {@code run} for {@code ticket} (after a restart, say) */
    static boolean isHeld(Run<?, ?> run, String name, LockTicket ticket) {
        synchronized (LockableResourcesManager.syncResources) {
            LockableResource resource = find(LockableResourcesManager.get(), name);
            return resource != null && run.equals(resource.getBuild())
                    && reason(ticket).equals(resource.getLockReason());
        }
    }

    /**
     * Frees the resource when, and only when, {@code ticket} holds it, then ends the ticket's hold in {@code queue}
     * (which wakes our next waiter). Never throws, and works on an interrupted thread: a release that failed is
     * logged, and the resource stays with the build until the build ends, when lockable-resources frees it.
     */
    static void release(Run<?, ?> run, String name, LockTicket ticket, LockQueue queue) {
        boolean interrupted = Thread.interrupted();
        try {
            LockableResourcesManager manager = LockableResourcesManager.get();
            synchronized (LockableResourcesManager.syncResources) {
                LockableResource resource = find(manager, name);
                if (resource != null && run.equals(resource.getBuild())
                        && reason(ticket).equals(resource.getLockReason())) {
                    // unlockNames also removes the ephemeral resource and serves queued lock steps first
                    manager.unlockNames(List.of(name), run);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.WARNING, "Could not release the lockable resource " + name + " of " + run, e);
        } finally {
            queue.release(name, ticket);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean isOurs(LockableResource resource) {
        String reason = resource.getLockReason();
        return reason != null && reason.startsWith(REASON_PREFIX);
    }

    private static LockableResource find(LockableResourcesManager manager, String name) {
        for (LockableResource r : manager.getResources()) {
            if (name.equals(r.getName())) {
                return r;
            }
        }
        return null;
    }

    /** @return who holds the resource, for the log: a build, a reservation or a queued build; null when unknown */
    private static String describe(LockableResource resource) {
        if (resource == null) {
            return null;
        }
        Run<?, ?> build = resource.getBuild();
        if (build != null) {
            return build.getFullDisplayName();
        }
        if (resource.isReserved()) {
            return "a reservation by " + resource.getReservedBy();
        }
        return resource.isQueued() ? "a queued build of " + resource.getQueueItemProject() : null;
    }

    /**
     * The outcome of one try: {@link #ACQUIRED}, {@link #ENCLOSED} (an enclosing {@code lock} block holds it and it
     * is this deployment's turn under it), or busy with the holder's description (null when unknown) and the
     * holding build (null when none).
     */
    record Attempt(String holder, Run<?, ?> build) {
        static final Attempt ACQUIRED = new Attempt(null, null);
        static final Attempt ENCLOSED = new Attempt(null, null);

        static Attempt busy(String holder, Run<?, ?> build) {
            return new Attempt(holder, build);
        }

        /** @return the holder's description with the holding build's name as a link to it, for the console */
        String linkedHolder() {
            if (holder == null || build == null) {
                return holder;
            }
            String name = build.getFullDisplayName();
            return holder.replace(name, ModelHyperlinkNote.encodeTo('/' + build.getUrl(), name));
        }
    }
}
