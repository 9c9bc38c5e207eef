package io.jenkins.plugins.safelambdaupdate.bench;

/**
 * What is deployed at once: {@code deployers} concurrent deployments spread over {@code functions} functions
 * (one function, or one function each).
 *
 * @param name      {@link #SAME_FUNCTION} or {@link #DISTINCT_FUNCTIONS}
 * @param deployers how many deployments start together, at least 1
 * @param functions 1 for {@link #SAME_FUNCTION}, {@code deployers} for {@link #DISTINCT_FUNCTIONS}
 */
public record Scenario(String name, int deployers, int functions) {
    /** K deployers of one function. */
    public static final String SAME_FUNCTION = "same-function";
    /** M deployers of M different functions. */
    public static final String DISTINCT_FUNCTIONS = "distinct-functions";

    /** @throws IllegalArgumentException for a count below 1 or an unknown name */
    public Scenario {
        if (deployers < 1 || functions < 1) {
            throw new IllegalArgumentException("deployers and functions must be at least 1");
        }
        if (!SAME_FUNCTION.equals(name) && !DISTINCT_FUNCTIONS.equals(name)) {
            throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    /** @return K concurrent deployers of one function */
    public static Scenario sameFunction(int k) {
        return new Scenario(SAME_FUNCTION, k, 1);
    }

    /** @return M concurrent deployers of M different functions */
    public static Scenario distinctFunctions(int m) {
        return new Scenario(DISTINCT_FUNCTIONS, m, m);
    }

    /** @return true for K deployers of one function */
    public boolean sameFunction() {
        return functions == 1 && SAME_FUNCTION.equals(name);
    }

    /** @return {@code K=4} or {@code 32 functions}: a short label for tables and charts */
    public String label() {
        return sameFunction() ? "K=" + deployers : functions + " functions";
    }

    /** @return the function the deployer with this index deploys */
    public String functionFor(int deployerIndex) {
        return sameFunction() ? "bench-fn" : String.format(java.util.Locale.ROOT, "bench-fn-%02d", deployerIndex);
    }
}
