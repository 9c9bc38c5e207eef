package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named in a request, in any of the forms AWS accepts: {@code name}, {@code name:qualifier},
 * {@code arn:aws:lambda:REGION:ACCOUNT:function:name[:qualifier]} or {@code ACCOUNT:function:name[:qualifier]}.
 *
 * @param accountId the account named by an ARN, or the simulator's own
 * @param name      the bare function name
 * @param qualifier {@code $LATEST}, a version number, an alias, or null
 */
public record FunctionRef(String accountId, String name, String qualifier) {
    private static final String NAME = "([a-zA-Z0-9_-]{1,64})";
    private static final String QUALIFIER = "(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?";
    private static final Pattern FULL_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):(\\d{12}):function:" + NAME + QUALIFIER);
    private static final Pattern PARTIAL_ARN = Pattern.compile("(\\d{12}):function:" + NAME + QUALIFIER);
    private static final Pattern BARE = Pattern.compile(NAME + QUALIFIER);
    // The pattern AWS quotes in its ValidationException for a malformed name.
    private static final String AWS_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    /**
     * Parses a function name as AWS does.
     *
     * @param raw   the decoded name from the path or body
     * @param scope the simulator's region and account
     * @return the reference
     * @throws LambdaError ValidationException when malformed; ResourceNotFoundException for an ARN of
     *                     another region
     */
    public static FunctionRef parse(String raw, AccountScope scope) {
        if (raw == null) {
            throw Errors.validation("null", "functionName", "Member must not be null");
        }
        Matcher full = FULL_ARN.matcher(raw);
        if (full.matches()) {
            if (!full.group(1).equals(scope.region())) {
                throw Errors.otherRegion(full.group(1), scope.region());
            }
            return new FunctionRef(full.group(2), full.group(3), full.group(4));
        }
        Matcher partial = PARTIAL_ARN.matcher(raw);
        if (partial.matches()) {
            return new FunctionRef(partial.group(1), partial.group(2), partial.group(3));
        }
        Matcher bare = BARE.matcher(raw);
        if (bare.matches()) {
            return new FunctionRef(scope.accountId(), bare.group(1), bare.group(2));
        }
        throw Errors.validation("'" + raw + "'", "functionName",
                "Member must satisfy regular expression pattern: " + AWS_PATTERN);
    }

    /**
     * Combines the qualifier derived from the name with the {@code Qualifier} query parameter.
     *
     * @param requested the query parameter, or null
     * @return this reference with the effective qualifier
     * @throws LambdaError InvalidParameterValueException when both are given and differ
     */
    public FunctionRef withQualifier(String requested) {
        if (requested == null || requested.equals(qualifier)) {
            return this;
        }
        if (qualifier != null) {
            throw Errors.qualifierClash();
        }
        return new FunctionRef(accountId, name, requested);
    }

    /** @return this reference without its qualifier */
    public FunctionRef withoutQualifier() {
        return qualifier == null ? this : new FunctionRef(accountId, name, null);
    }

    /** @return the ARN this reference names, qualified when it has a qualifier (for messages) */
    public String arn(AccountScope scope) {
        return new AccountScope(scope.region(), accountId).functionArn(name, qualifier);
    }
}
