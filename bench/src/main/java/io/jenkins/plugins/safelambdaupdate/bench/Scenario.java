package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.Locale;

/**
 * What is deployed at once: {@code deployers} deployments spread over {@code functions} functions (one function, one
 * function each, or a fleet of functions deployed to several times), by {@code processes} processes, at the
 * benchmark's timings made {@code slower} times slower.
 *
 * @param name      {@link #SAME_FUNCTION}, {@link #DISTINCT_FUNCTIONS}, {@link #COLD} or {@link #FLEET}
 * @param deployers how many deployments in all, at least 1
 * @param functions 1 for {@link #SAME_FUNCTION}, {@code deployers} for {@link #DISTINCT_FUNCTIONS} and {@link #COLD},
 *                  a divisor of {@code deployers} for {@link #FLEET}
 * @param processes the deploying processes sharing the account, each with its own client and rate limit
 * @param slower    the factor applied to the benchmark's update and publish durations, at least 1
 */
public record Scenario(String name, int deployers, int functions, int processes, int slower) {
    /** K deployers of one function. */
    public static final String SAME_FUNCTION = "same-function";
    /** M deployers of M different functions. */
    public static final String DISTINCT_FUNCTIONS = "distinct-functions";
    /** Deployers that learned nothing (fresh agents), one function each; engine only. */
    public static final String COLD = "cold";
    /** A release to many functions, several deployments each, from one engine per process; engine only. */
    public static final String FLEET = "fleet";

    /** @throws IllegalArgumentException for a count below 1 or an unknown name */
    public Scenario {
        if (deployers < 1 || functions < 1 || processes < 1 || slower < 1 || deployers % functions != 0) {
            throw new IllegalArgumentException("deployers, functions, processes and slower must be at least 1, and "
                    + "deployers a multiple of functions");
        }
        if (!SAME_FUNCTION.equals(name) && !DISTINCT_FUNCTIONS.equals(name) && !COLD.equals(name)
                && !FLEET.equals(name)) {
            throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    /** One process, the benchmark's timings. */
    public Scenario(String name, int deployers, int functions) {
        this(name, deployers, functions, 1, 1);
    }

    /** @return K concurrent deployers of one function */
    public static Scenario sameFunction(int k) {
        return new Scenario(SAME_FUNCTION, k, 1);
    }

    /** @return M concurrent deployers of M different functions */
    public static Scenario distinctFunctions(int m) {
        return new Scenario(DISTINCT_FUNCTIONS, m, m);
    }

    /** @return n deployers that learned nothing, one function each, at timings {@code slower} times slower */
    public static Scenario cold(int n, int slower) {
        return new Scenario(COLD, n, n, 1, slower);
    }

    /** @return {@code functions} functions deployed {@code each} times, from {@code processes} processes */
    public static Scenario fleet(int functions, int each, int processes) {
        return new Scenario(FLEET, functions * each, functions, processes, 1);
    }

    /** @return true for K deployers of one function */
    public boolean sameFunction() {
        return functions == 1 && SAME_FUNCTION.equals(name);
    }

    /** @return whether only the engine runs it (the script strategies have nothing to learn, no fleet mode) */
    public boolean engineOnly() {
        return COLD.equals(name) || FLEET.equals(name);
    }

    /** @return how many deployments each function gets, one after another */
    public int deploymentsPerFunction() {
        return deployers / functions;
    }

    /** @return {@code K=4}, {@code 32 functions}, {@code cold} or {@code fleet 200×2, 4 proc}: a short label */
    public String label() {
        return switch (name) {
            case COLD -> "cold";
            case FLEET -> "fleet " + functions + "×" + deploymentsPerFunction()
                    + (processes == 1 ? "" : ", " + processes + " proc");
            default -> sameFunction() ? "K=" + deployers : functions + " functions";
        };
    }

    /** @return the function the deployer with this index deploys (a fleet deploys round after round) */
    public String functionFor(int deployerIndex) {
        if (sameFunction()) {
            return "bench-fn";
        }
        return String.format(Locale.ROOT, FLEET.equals(name) ? "bench-fleet-%03d" : "bench-fn-%02d",
                deployerIndex % functions);
    }
}
