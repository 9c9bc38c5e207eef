package io.jenkins.plugins.safelambdaupdate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip on this machine's file system, checked by Lambda's rules for a direct upload: a regular file of at most
 * {@link RequestValidator#MAX_DIRECT_UPLOAD_BYTES}, a readable archive with at least one entry and none with an
 * absolute or {@code ..} path (it would unpack outside the function's directory). Every refusal is an
 * {@link InvalidRequestException} naming {@code zipFile}. Front ends whose zip lies elsewhere (a Jenkins agent) run
 * {@link #inspect} there and hand the engine a {@link CodeSource.ZipArchive}.
 */
public final class LocalZip {
    private static final Parameter PARAMETER = Parameter.ZIP_FILE;

    private LocalZip() {
    }

    /**
     * Checks the zip and computes its digest.
     *
     * @param path the zip, not null
     * @param shownAs how messages name it (the path as the user gave it), not null
     * @return its digest
     * @throws InvalidRequestException naming {@code zipFile} if it breaks a rule or cannot be read
     */
    public static ZipDigest inspect(Path path, String shownAs) {
        check(path, shownAs);
        try {
            return ZipDigest.of(path);
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /**
     * The path-based producer of a {@link CodeSource.ZipArchive}: the digest is computed now, the bytes are read again
     * (and checked against it) only for the upload.
     *
     * @param path the zip, not null
     * @return the archive, named by the path
     * @throws InvalidRequestException naming {@code zipFile} if it breaks a rule or cannot be read
     */
    public static CodeSource.ZipArchive archive(Path path) {
        return new CodeSource.ZipArchive(path.toString(), inspect(path, path.toString()), () -> Files.newInputStream(path));
    }

    /** @throws InvalidRequestException naming {@code zipFile} if the zip breaks a rule or cannot be read */
    static void check(Path path, String shownAs) {
        if (!Files.exists(path)) {
            throw new InvalidRequestException(PARAMETER, shownAs + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidRequestException(PARAMETER, shownAs + " is not a regular file");
        }
        try {
            checkSize(Files.size(path), shownAs);
            checkArchive(path, shownAs);
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /** @throws InvalidRequestException naming {@code zipFile} if the size is over Lambda's direct-upload limit */
    static void checkSize(long size, String shownAs) {
        if (size > RequestValidator.MAX_DIRECT_UPLOAD_BYTES) {
            throw new InvalidRequestException(PARAMETER, shownAs + " is " + size
                    + " bytes, over Lambda's direct-upload limit of " + RequestValidator.MAX_DIRECT_UPLOAD_BYTES
                    + " bytes (50 MiB); upload it to S3 and deploy with ", Parameter.S3_BUCKET, " and ", Parameter.S3_KEY);
        }
    }

    /** Reads the zip's central directory, as Lambda will. */
    private static void checkArchive(Path path, String shownAs) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() == 0) {
                throw new InvalidRequestException(PARAMETER, shownAs + " is an empty zip archive");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:/.*")
                        || Arrays.asList(name.split("/")).contains("..")) {
                    throw new InvalidRequestException(PARAMETER, shownAs + " holds an entry outside the "
                            + "archive's root (absolute path or '..'): " + name);
                }
            }
        } catch (ZipException e) {
            throw new InvalidRequestException(PARAMETER, shownAs + " is not a readable zip archive ("
                    + e.getMessage() + ")");
        }
    }

    private static InvalidRequestException unreadable(String shownAs, IOException e) {
        return new InvalidRequestException(PARAMETER, shownAs + " cannot be read: " + e.getMessage());
    }
}
