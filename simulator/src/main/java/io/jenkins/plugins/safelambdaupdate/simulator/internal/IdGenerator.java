package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.Random;
import java.util.UUID;

/** Version-4 UUIDs (RevisionIds, request ids) from a seedable source, so a seeded run repeats itself. */
public final class IdGenerator {
    private final Random random;

    /** @param seed the seed of the random source */
    public IdGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** @return a fresh random UUID string; thread-safe */
    public String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
