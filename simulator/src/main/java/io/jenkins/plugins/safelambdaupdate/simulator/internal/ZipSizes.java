package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipException;

/**
 * Reads a zip's central directory to add up its entries' uncompressed sizes without inflating them.
 * ZIP64 archives (more than 65535 entries or 4 GiB) are not read: an entry of 4 GiB or more is far
 * beyond Lambda's limit anyway.
 */
final class ZipSizes {
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int ENTRY_HEADER_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipSizes() {
    }

    /**
     * @param zip the archive's bytes
     * @return the sum of the uncompressed sizes of all entries
     * @throws ZipException when the bytes are not a readable zip
     */
    static long uncompressedTotal(byte[] zip) throws ZipException {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndOfDirectory(buf);
        int entries = Short.toUnsignedInt(buf.getShort(end + 10));
        long directoryOffset = Integer.toUnsignedLong(buf.getInt(end + 16));
        if (directoryOffset > end) {
            throw new ZipException("central directory outside the archive");
        }
        long total = 0;
        int pos = (int) directoryOffset;
        for (int i = 0; i < entries; i++) {
            if (pos + ENTRY_HEADER_SIZE > end || buf.getInt(pos) != DIRECTORY_ENTRY) {
                throw new ZipException("malformed central directory entry " + i);
            }
            total += Integer.toUnsignedLong(buf.getInt(pos + 24));
            pos += ENTRY_HEADER_SIZE + Short.toUnsignedInt(buf.getShort(pos + 28))
                    + Short.toUnsignedInt(buf.getShort(pos + 30)) + Short.toUnsignedInt(buf.getShort(pos + 32));
        }
        return total;
    }

    private static int findEndOfDirectory(ByteBuffer buf) throws ZipException {
        int last = buf.limit() - END_RECORD_SIZE;
        for (int pos = last; pos >= 0 && pos >= last - MAX_COMMENT; pos--) {
            if (buf.getInt(pos) == END_OF_DIRECTORY) {
                return pos;
            }
        }
        throw new ZipException("no end of central directory record");
    }
}
