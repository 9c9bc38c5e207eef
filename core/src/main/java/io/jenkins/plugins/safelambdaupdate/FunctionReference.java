package io.jenkins.plugins.safelambdaupdate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function reference as a user writes it: a name ({@code my-fn}), a qualified name
 * ({@code my-fn:live}), a full ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:my-fn[:QUALIFIER]},
 * partitions {@code aws}, {@code aws-cn}, {@code aws-us-gov}) or a partial ARN
 * ({@code 123456789012:function:my-fn[:QUALIFIER]}). Immutable; obtained with {@link #parse(String)}.
 */
public final class FunctionReference {
    private static final String NAME = "([a-zA-Z0-9_-]{1,64})";
    private static final String QUALIFIER = "(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?";
    private static final Pattern FULL_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):lambda:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):function:" + NAME + QUALIFIER);
    private static final Pattern PARTIAL_ARN = Pattern.compile("(\\d{12}):function:" + NAME + QUALIFIER);
    private static final Pattern PLAIN = Pattern.compile(NAME + QUALIFIER);

    private final String value;
    private final String name;
    private final String partition;
    private final String region;
    private final String accountId;
    private final String qualifier;

    private FunctionReference(String value, String name, String partition, String region, String accountId,
                              String qualifier) {
        this.value = value;
        this.name = name;
        this.partition = partition;
        this.region = region;
        this.accountId = accountId;
        this.qualifier = qualifier;
    }

    /**
     * Parses a function reference.
     *
     * @param value a name, {@code name:qualifier}, a full ARN or a partial ARN; the name is {@code [a-zA-Z0-9-_]+},
     *     at most 64 characters; the qualifier is {@code $LATEST}, a version number or an alias name
     * @return the parsed reference, never null
     * @throws InvalidRequestException naming parameter {@code functionName} if value is null, blank or malformed
     */
    public static FunctionReference parse(String value) {
        if (value == null) {
            throw new InvalidRequestException(Parameter.FUNCTION_NAME, "cannot be null");
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(Parameter.FUNCTION_NAME, "cannot be blank");
        }
        Matcher m = FULL_ARN.matcher(value);
        if (m.matches()) {
            return new FunctionReference(value, m.group(4), m.group(1), m.group(2), m.group(3), m.group(5));
        }
        m = PARTIAL_ARN.matcher(value);
        if (m.matches()) {
            return new FunctionReference(value, m.group(2), null, null, m.group(1), m.group(3));
        }
        m = PLAIN.matcher(value);
        if (m.matches()) {
            return new FunctionReference(value, m.group(1), null, null, null, m.group(2));
        }
        throw new InvalidRequestException(Parameter.FUNCTION_NAME, "must be a function name (letters, digits, "
                + "'-' and '_', at most 64 characters), name:qualifier, a function ARN "
                + "(arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]) or a partial ARN "
                + "(ACCOUNT:function:NAME[:QUALIFIER]), was '" + abbreviate(value) + "'");
    }

    private static String abbreviate(String value) {
        return value.length() > 160 ? value.substring(0, 160) + "..." : value;
    }

    /** @return the function name, never null */
    public String name() {
        return name;
    }

    /** @return the region, present only for a full ARN */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** @return the partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), present only for a full ARN */
    public Optional<String> partition() {
        return Optional.ofNullable(partition);
    }

    /** @return the account id, present for a full or partial ARN */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /** @return the qualifier ({@code $LATEST}, a version or an alias), when given */
    public Optional<String> qualifier() {
        return Optional.ofNullable(qualifier);
    }

    /** @return the reference exactly as given to {@link #parse(String)} */
    public String value() {
        return value;
    }

    /**
     * @return the reference in the same form as given but without its qualifier, suitable as the
     *     {@code FunctionName} of a call that must address {@code $LATEST}
     */
    public String unqualified() {
        return qualifier == null ? value : value.substring(0, value.length() - qualifier.length() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionReference other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
