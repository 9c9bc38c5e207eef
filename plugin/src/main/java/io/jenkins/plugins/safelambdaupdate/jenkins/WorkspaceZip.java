package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.FilePath;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Brings the zip to deploy from the workspace (on the controller or an agent) to a local temporary file, refusing any
 * path that leaves the workspace: absolute paths, {@code ..}, and symbolic links.
 */
final class WorkspaceZip {

    private WorkspaceZip() {
    }

    /**
     * Copies {@code zipFile} from the workspace into {@code directory}.
     *
     * @param workspace the step's workspace, or null outside {@code node { }}
     * @param zipFile the path relative to the workspace, as the user gave it
     * @param directory an existing local directory for the copy
     * @return the local copy
     * @throws InvalidRequestException naming {@code zipFile} if there is no workspace, the path leaves it, the file is
     *     missing, not a file, over Lambda's direct-upload limit, a symbolic link, or unreadable
     */
    static Path copy(FilePath workspace, String zipFile, Path directory) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, "needs a workspace: call safeLambdaUpdate inside"
                    + " node { }, or deploy from S3 (", Parameter.S3_BUCKET, ", ", Parameter.S3_KEY,
                    ") or a container image (", Parameter.IMAGE_URI, ")");
        }
        checkRelative(zipFile);
        boolean inside;
        try {
            inside = workspace.isDescendant(zipFile);
        } catch (IllegalArgumentException absolute) {
            inside = false;
        }
        if (!inside) {
            throw outside(zipFile);
        }
        FilePath file = workspace.child(zipFile);
        if (!file.exists() || file.isDirectory()) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " is not a file in the workspace "
                    + workspace.getRemote());
        }
        long size = file.length();
        if (size > RequestValidator.MAX_DIRECT_UPLOAD_BYTES) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " is " + size + " bytes, over Lambda's"
                    + " direct-upload limit of " + RequestValidator.MAX_DIRECT_UPLOAD_BYTES + " bytes (50 MiB); upload"
                    + " it to S3 and deploy with ", Parameter.S3_BUCKET, " and ", Parameter.S3_KEY);
        }
        Path copy = directory.resolve(file.getName());
        try (InputStream in = file.read(workspace, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(in, copy);
        } catch (IOException e) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, zipFile + " cannot be read from the workspace: "
                    + e.getMessage());
        }
        return copy;
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
}
