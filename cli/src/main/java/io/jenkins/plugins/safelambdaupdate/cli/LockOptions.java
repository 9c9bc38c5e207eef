package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code deploy} serializes deployments of one function: a file lock shared by every process of this user on
 * this host (the default), or none.
 */
final class LockOptions {

    /** The kinds of lock the command line offers. */
    enum Kind {
        /** An OS file lock per function in {@code --lock-dir}. */
        file,
        /** No lock: for callers that serialize deployments themselves. */
        none,
        /** A lease per function in a DynamoDB table, across hosts ({@code --lock-table}). */
        dynamodb
    }

    @Option(names = "--lock", paramLabel = "file|none|dynamodb", defaultValue = "file",
            description = "file: one OS file lock per function ARN, shared by every deployment on this host that "
                    + "uses the same lock directory; none: take no lock; dynamodb: a lease per function ARN in the "
                    + "DynamoDB table --lock-table, shared across hosts. Default: ${DEFAULT-VALUE}.")
    Kind kind = Kind.file;

    @Option(names = "--lock-dir", paramLabel = "DIR",
            description = "Directory of the lock files. Default: $XDG_RUNTIME_DIR/safe-lambda-update/locks, "
                    + "else ~/.cache/safe-lambda-update/locks.")
    String directory;

    /**
     * @param environment the process environment, not null
     * @param userHome the user's home directory, not null
     * @return the provider the options ask for
     * @throws InvalidRequestException naming {@code --lock-dir} when it is given with {@code --lock none}, is not a
     *     valid path, or cannot be created or written
     */
    LockProvider provider(Map<String, String> environment, Path userHome) {
        if (kind == Kind.none) {
            if (directory != null) {
                throw new InvalidRequestException(Parameter.LOCK_DIR, "cannot be combined with ", Parameter.LOCK,
                        " none");
            }
            return LockProviders.none();
        }
        Path dir = directory != null ? path(directory) : defaultDirectory(environment, userHome);
        try {
            // Creates a missing directory now (private to this user), so a directory that cannot be used is bad input.
            LockProvider provider = LockProviders.fileLock(dir);
            if (!Files.isWritable(dir)) {
                throw new InvalidRequestException(Parameter.LOCK_DIR, dir + " is not writable");
            }
            return provider;
        } catch (LockUnavailableException e) {
            throw new InvalidRequestException(Parameter.LOCK_DIR, "cannot be used: " + e.getMessage());
        }
    }

    /**
     * @param environment the process environment, not null
     * @param userHome the user's home directory, not null
     * @return {@code $XDG_RUNTIME_DIR/safe-lambda-update/locks} when XDG_RUNTIME_DIR is set, else
     *     {@code ~/.cache/safe-lambda-update/locks}
     */
    static Path defaultDirectory(Map<String, String> environment, Path userHome) {
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        Path base = runtimeDir != null && !runtimeDir.isBlank() ? Paths.get(runtimeDir) : userHome.resolve(".cache");
        return base.resolve("safe-lambda-update").resolve("locks");
    }

    private static Path path(String value) {
        try {
            if (value.isBlank()) {
                throw new InvalidRequestException(Parameter.LOCK_DIR, "cannot be blank");
            }
            return Paths.get(value);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(Parameter.LOCK_DIR, "is not a valid path: " + e.getMessage());
        }
    }
}
