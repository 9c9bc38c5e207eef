package io.jenkins.plugins.safelambdaupdate;

/**
 * The configuration settings a deployment can change, each with its request {@link Parameter} (as
 * {@link InvalidRequestException#parameter()} reports it). Front ends
 * word them in their own vocabulary ({@code --memory} on the command line, {@code memorySize} in a Jenkinsfile).
 */
public enum Setting {
    /** The environment variables. */
    ENVIRONMENT(Parameter.ENVIRONMENT),
    /** The memory size in MB. */
    MEMORY_SIZE(Parameter.MEMORY_SIZE),
    /** The timeout in seconds. */
    TIMEOUT(Parameter.TIMEOUT),
    /** The handler. */
    HANDLER(Parameter.HANDLER),
    /** The runtime identifier. */
    RUNTIME(Parameter.RUNTIME),
    /** The description. */
    DESCRIPTION(Parameter.DESCRIPTION),
    /** The layer ARNs. */
    LAYERS(Parameter.LAYERS),
    /** The execution role ARN. */
    ROLE(Parameter.ROLE);

    private final Parameter parameter;

    Setting(Parameter parameter) {
        this.parameter = parameter;
    }

    /** @return the request parameter that sets it, for example {@link Parameter#MEMORY_SIZE} */
    public Parameter parameter() {
        return parameter;
    }
}
