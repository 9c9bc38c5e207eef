package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipSizesTest {

    @Test
    void addsUpTheUncompressedSizesOfAllEntries() throws IOException {
        byte[] zip = zip("a.txt", "x".repeat(1000), "dir/b.txt", "y".repeat(2345));

        assertThat(ZipSizes.uncompressedTotal(zip)).isEqualTo(3345);
    }

    @Test
    void findsTheDirectoryBehindAnArchiveComment() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setComment("c".repeat(500));
            out.putNextEntry(new ZipEntry("a"));
            out.write(new byte[77]);
            out.closeEntry();
        }

        assertThat(ZipSizes.uncompressedTotal(bytes.toByteArray())).isEqualTo(77);
    }

    @Test
    void refusesWhatIsNotAZip() throws IOException {
        byte[] zip = zip("a.txt", "content");

        assertThatThrownBy(() -> ZipSizes.uncompressedTotal("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> ZipSizes.uncompressedTotal(new byte[0])).isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> ZipSizes.uncompressedTotal(Arrays.copyOfRange(zip, 30, zip.length)))
                .isInstanceOf(ZipException.class);
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
