package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.AwsEnvironment;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS connection options shared by the commands that talk to Lambda: region, profile and endpoint. Credentials
 * come from the SDK's default chain (environment variables, then the shared profile files, then container and
 * instance roles), or from the named profile.
 */
final class AwsOptions {

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region. Default: AWS_REGION, else AWS_DEFAULT_REGION, else the region of a full function ARN.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Named profile of the shared AWS config and credentials files to take credentials "
                    + "from. Default: the SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with "
                    + "AWS_SESSION_TOKEN, AWS_PROFILE, web identity, container and instance roles).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send requests to this endpoint instead of AWS's (for example the simulator's). "
                    + "Default: AWS_ENDPOINT_URL, else AWS's own endpoint.")
    String endpointUrl;

    /**
     * @param function the function (a full ARN may supply the region), or null when there is none
     * @param environment the process environment, not null
     * @return the region Lambda is called in: {@code --region}, else AWS_REGION, else AWS_DEFAULT_REGION, else the
     *     function ARN's; null when none gives one and there is no function
     * @throws InvalidRequestException naming {@code --region} when it is malformed or missing
     */
    String lambdaRegion(FunctionReference function, Map<String, String> environment) {
        String given = region == null ? null : RequestParameters.region(region);
        if (function != null) {
            return AwsEnvironment.of(environment).resolveRegion(given, function);
        }
        return given != null ? given : AwsEnvironment.of(environment).region().orElse(null);
    }

    /**
     * @return the credentials of {@code --profile}, or null for those of the environment, else the default chain
     * @throws InvalidRequestException naming {@code --profile} when it is blank
     */
    AwsCredentialsProvider profileCredentials() {
        if (profile == null) {
            return null;
        }
        if (profile.isBlank()) {
            throw new InvalidRequestException(Parameter.PROFILE, "cannot be blank");
        }
        return ProfileCredentialsProvider.builder().profileName(profile).build();
    }

    /**
     * Builds a Lambda client for a function, checking the options first (no AWS call is made).
     *
     * @param function the function the client is for (a full ARN may supply the region), not null
     * @param environment the process environment, not null
     * @return a new client; the caller closes it
     * @throws InvalidRequestException naming {@code --region}, {@code --endpoint-url} or {@code --profile}
     */
    LambdaClient newClient(FunctionReference function, Map<String, String> environment) {
        return LambdaClients.builder().environment(AwsEnvironment.of(environment)).function(function)
                .region(region).endpointUrl(endpointUrl).profile(profile).build();
    }
}
