package io.jenkins.plugins.safelambdaupdate;

/**
 * The configuration settings a deployment can change, each with the name of its request parameter (as
 * {@link InvalidRequestException#parameter()} and the builder of {@link DeploymentRequest} name it). Front ends
 * word them in their own vocabulary ({@code --memory} on the command line, {@code memorySize} in a Jenkinsfile).
 */
public enum Setting {
    /** The environment variables. */
    ENVIRONMENT("environment"),
    /** The memory size in MB. */
    MEMORY_SIZE("memorySize"),
    /** The timeout in seconds. */
    TIMEOUT("timeout"),
    /** The handler. */
    HANDLER("handler"),
    /** The runtime identifier. */
    RUNTIME("runtime"),
    /** The description. */
    DESCRIPTION("description"),
    /** The layer ARNs. */
    LAYERS("layers"),
    /** The execution role ARN. */
    ROLE("role");

    private final String parameter;

    Setting(String parameter) {
        this.parameter = parameter;
    }

    /** @return the request parameter that sets it, for example {@code memorySize} */
    public String parameter() {
        return parameter;
    }
}
