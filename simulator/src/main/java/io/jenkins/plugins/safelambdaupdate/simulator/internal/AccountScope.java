package io.jenkins.plugins.safelambdaupdate.simulator.internal;

/**
 * The region and account one simulator serves; builds the ARNs it returns.
 *
 * @param region    e.g. {@code us-east-1}
 * @param accountId twelve digits
 */
public record AccountScope(String region, String accountId) {

    /** @return {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME} */
    public String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** @return the function ARN with {@code :QUALIFIER} appended, or unqualified when qualifier is null */
    public String functionArn(String name, String qualifier) {
        return qualifier == null ? functionArn(name) : functionArn(name) + ":" + qualifier;
    }
}
