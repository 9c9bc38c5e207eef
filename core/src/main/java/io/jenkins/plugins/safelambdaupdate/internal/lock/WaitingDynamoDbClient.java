package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The DynamoDB client as one lock client sees it during one acquisition: it passes the four item calls the lock
 * client makes to the real client, and on every read of the lock item (made on the waiting thread) it
 * <ul>
 *   <li>ends the wait once the deadline has passed or the thread is interrupted, by throwing {@link WaitEnded}
 *       (the lock client lets it through), so the wait is bounded by the deadline to within one refresh period;</li>
 *   <li>tells who holds the lock, from the item it read, so the waiter is told when the holder changes;</li>
 *   <li>remembers the last connection failure, which the lock client itself only logs, for the timeout message.</li>
 * </ul>
 * {@link #close()} leaves the real client open: it belongs to the caller.
 */
final class WaitingDynamoDbClient implements DynamoDbClient {
    private static final String OWNER_NAME = "ownerName";
    private static final String IS_RELEASED = "isReleased";

    /** Why the lock client's wait was ended from inside. */
    enum Reason { DEADLINE, INTERRUPTED }

    /** Thrown from a read to end the lock client's wait; never escapes the lease. */
    static final class WaitEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        WaitEnded(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private final DynamoDbClient delegate;
    private final long deadlineNanos;
    private final TimeSource time;
    private final Consumer<String> holderSeen;
    private volatile String lastHolder;
    private volatile String lastConnectionFailure;

    /**
     * @param delegate the real client
     * @param deadlineNanos when to stop waiting, on the scale of {@code time}
     * @param time the monotonic clock of the deadline
     * @param holderSeen told the holder's owner name each time it differs from the one read before
     */
    WaitingDynamoDbClient(DynamoDbClient delegate, long deadlineNanos, TimeSource time, Consumer<String> holderSeen) {
        this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
        this.deadlineNanos = deadlineNanos;
        this.time = Objects.requireNonNull(time, "time cannot be null");
        this.holderSeen = Objects.requireNonNull(holderSeen, "holderSeen cannot be null");
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        checkStillWaiting();
        GetItemResponse response;
        try {
            response = delegate.getItem(request);
        } catch (SdkClientException e) {
            checkStillWaiting(); // an interrupt aborts the HTTP call: report it as such
            lastConnectionFailure = e.getMessage();
            throw e;
        }
        AttributeValue owner = response.hasItem() ? response.item().get(OWNER_NAME) : null;
        if (owner != null && !response.item().containsKey(IS_RELEASED) && !owner.s().equals(lastHolder)) {
            lastHolder = owner.s();
            holderSeen.accept(lastHolder);
        }
        return response;
    }

    private void checkStillWaiting() {
        if (Thread.currentThread().isInterrupted()) {
            throw new WaitEnded(Reason.INTERRUPTED);
        }
        if (time.nanoTime() - deadlineNanos >= 0) {
            throw new WaitEnded(Reason.DEADLINE);
        }
    }

    /** @return the holder last read, or null when none was seen */
    String lastHolder() {
        return lastHolder;
    }

    /** @return the message of the last connection failure while waiting, or null */
    String lastConnectionFailure() {
        return lastConnectionFailure;
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return delegate.putItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return delegate.updateItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return delegate.deleteItem(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public void close() {
        // The real client belongs to the caller.
    }
}
