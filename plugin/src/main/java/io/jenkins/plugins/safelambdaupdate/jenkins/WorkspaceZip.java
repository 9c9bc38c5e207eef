package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LocalZip;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.ZipDigest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import jenkins.MasterToSlaveFileCallable;

/**
 * The zip to deploy, from the workspace on the controller or an agent. Its digest and size are computed where it lies,
 * and the engine's zip rules checked there (see {@link LocalZip}), before the lock; its bytes cross to the controller
 * only when the engine uploads them (under the lock, never when the deployed code is already this zip). Any path that
 * leaves the workspace is refused: absolute paths, {@code ..}, and symbolic links.
 */
final class WorkspaceZip {

    private WorkspaceZip() {
    }

    /**
     * Checks and digests {@code zipFile} on the machine of the workspace.
     *
     * @param workspace the step's workspace, or null outside {@code node { }}
     * @param zipFile the path relative to the workspace, as the user gave it
     * @return a code source whose bytes are read from the workspace only for the upload
     * @throws InvalidRequestException naming {@code zipFile} if there is no workspace, the path leaves it or passes a
     *     symbolic link, the file is missing, not a file, over Lambda's direct-upload limit, not a zip that Lambda
     *     accepts, or unreadable
     */
    static CodeSource codeSource(FilePath workspace, String zipFile) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, "needs a workspace: call safeLambdaUpdate inside"
                    + " node { }, or deploy from S3 (", Parameter.S3_BUCKET, ", ", Parameter.S3_KEY,
                    ") or a container image (", Parameter.IMAGE_URI, ")");
        }
        checkRelative(zipFile);
        ZipDigest digest = workspace.act(new Inspect(zipFile));
        FilePath file = workspace.child(zipFile);
        // Read again with Jenkins' own symlink check against the workspace; the engine checks the bytes against digest.
        return CodeSource.zipArchive(zipFile, digest, () -> file.read(workspace, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Refuses, by its spelling alone, a path that is absolute or climbs with {@code ..}.
     *
     * @throws InvalidRequestException naming {@code zipFile}
     */
    static void checkRelative(String zipFile) {
        boolean absolute = zipFile.startsWith("/") || zipFile.startsWith("\\") || zipFile.matches("^[A-Za-z]:.*");
        if (absolute || Arrays.asList(zipFile.split("[/\\\\]")).contains("..")) {
            throw outside(zipFile);
        }
    }

    private static InvalidRequestException outside(String zipFile) {
        return new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " must be a path inside the workspace,"
                + " relative to it, without .. and without symbolic links leading out");
    }

    /** Runs on the machine of the workspace: refuses symbolic links, applies the engine's zip rules, digests. */
    private static final class Inspect extends MasterToSlaveFileCallable<ZipDigest> {
        private static final long serialVersionUID = 1L;
        private final String zipFile;

        Inspect(String zipFile) {
            this.zipFile = zipFile;
        }

        @Override
        public ZipDigest invoke(File workspace, VirtualChannel channel) throws IOException {
            Path root = workspace.toPath();
            Path path = root;
            // Every step of the path, so that no link (to a file or a directory) leads anywhere.
            for (String part : zipFile.split("[/\\\\]")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                path = path.resolve(part);
                if (Files.isSymbolicLink(path)) {
                    throw new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " is reached through the"
                            + " symbolic link " + root.relativize(path) + ": give the path of the zip itself, inside"
                            + " the workspace");
                }
            }
            if (!path.normalize().startsWith(root.normalize())) {
                throw outside(zipFile);
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " is not a file in the workspace "
                        + workspace);
            }
            return LocalZip.inspect(path, zipFile);
        }
    }
}
