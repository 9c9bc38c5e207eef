package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All functions of the simulated account, by bare name. Thread-safe. */
public final class FunctionStore {
    private final ConcurrentMap<String, FunctionRecord> functions = new ConcurrentHashMap<>();
    private final FunctionContext context;

    /** @param context what every function needs from the simulator */
    public FunctionStore(FunctionContext context) {
        this.context = context;
    }

    /**
     * CreateFunction: the function is Pending for the create delay (then Active, or Failed when a
     * failure was planned for it).
     *
     * @param publish also publish version 1
     * @return $LATEST, or version 1 when publishing
     * @throws LambdaError 409 when a function of that name exists
     */
    VersionSnapshot create(String name, FunctionConfig config, CodeArtifact code, boolean publish) {
        // Set only when this call created the function: the planned failure is taken exactly once.
        Transition[] creation = new Transition[1];
        FunctionRecord created = functions.computeIfAbsent(name, n -> {
            creation[0] = new Transition(context.clock().instant().plus(context.timings().createDelay()),
                    context.faults().takeCreateFailure(n));
            return new FunctionRecord(n, config, code, creation[0], context);
        });
        if (creation[0] == null) {
            throw Errors.functionExists(name);
        }
        return publish ? created.publishWithCreation(creation[0]) : created.read(null);
    }

    /**
     * Creates a zip function that is Active at once, for set-ups from Java: runtime {@code python3.12},
     * handler {@code index.handler}, role {@code arn:aws:iam::ACCOUNT:role/simulated-lambda-role},
     * AWS's default timeout and memory.
     *
     * @throws LambdaError 409 when a function of that name exists; 400/413 for a zip AWS would refuse
     */
    public FunctionSnapshot createActive(String name, byte[] zip) {
        FunctionConfig config = FunctionConfig.defaults("Zip").apply(new ConfigPatch("python3.12",
                "arn:aws:iam::" + context.scope().accountId() + ":role/simulated-lambda-role", "index.handler",
                null, null, null, null, null));
        FunctionRecord fresh = new FunctionRecord(name, config, CodeReader.fromZip(zip), null, context);
        if (functions.putIfAbsent(name, fresh) != null) {
            throw Errors.functionExists(name);
        }
        return fresh.snapshot();
    }

    /**
     * @param ref any form of the function's name (its qualifier is not looked at here)
     * @return the function
     * @throws LambdaError 404 when there is none (or the ARN names another account)
     */
    FunctionRecord get(FunctionRef ref) {
        FunctionRecord function = context.scope().accountId().equals(ref.accountId())
                ? functions.get(ref.name()) : null;
        if (function == null) {
            throw Errors.functionNotFound(ref.arn(context.scope()));
        }
        return function;
    }

    /** @return every function, by name */
    List<FunctionRecord> all() {
        return functions.values().stream().sorted(Comparator.comparing(FunctionRecord::name)).toList();
    }

    /**
     * DeleteFunction: the whole function, or only the version the qualifier names.
     *
     * @throws LambdaError 404 naming the unqualified ARN when there is no such function (as AWS words it even
     *                     with a qualifier); as {@link FunctionRecord#deleteVersion}
     */
    void delete(FunctionRef ref) {
        FunctionRecord function = get(ref.withoutQualifier());
        if (ref.qualifier() != null) {
            function.deleteVersion(ref.qualifier());
        } else if (!functions.remove(ref.name(), function)) {
            throw Errors.functionNotFound(ref.arn(context.scope()));
        }
    }

    /** @return the function's snapshot, or empty when there is none */
    public Optional<FunctionSnapshot> snapshot(String name) {
        return Optional.ofNullable(functions.get(name)).map(FunctionRecord::snapshot);
    }
}
