package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.DynamoDbClients;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the DynamoDB lock table is: its region (default: Lambda's) and endpoint (default:
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, else AWS's own; never the Lambda endpoint). Credentials are Lambda's.
 */
final class DynamoDbConnectionOptions {

    @Option(names = "--lock-region", paramLabel = "REGION",
            description = "Region of the DynamoDB lock table. Default: the region of the Lambda function.")
    String region;

    @Option(names = "--lock-endpoint-url", paramLabel = "URL",
            description = "DynamoDB endpoint of the lock table (for example a DynamoDB-compatible test server). "
                    + "Default: AWS_ENDPOINT_URL_DYNAMODB, else AWS's own endpoint; never --endpoint-url or "
                    + "AWS_ENDPOINT_URL, which are Lambda's.")
    String endpointUrl;

    /** @return whether an option of this group was given */
    boolean given() {
        return region != null || endpointUrl != null;
    }

    /**
     * Builds the lock table's client, checking the options first (no AWS call is made).
     *
     * @param defaultRegion the region when {@code --lock-region} is not given, or null when there is none
     * @param credentials Lambda's credentials, or null for those of the environment, else the default chain
     * @param environment the process environment, not null
     * @return a new client; the caller closes it
     * @throws InvalidRequestException naming {@code --lock-region}, {@code --lock-endpoint-url},
     *     {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code --region}
     */
    DynamoDbClient newClient(String defaultRegion, AwsCredentialsProvider credentials,
                             Map<String, String> environment) {
        String effectiveRegion;
        if (region != null) {
            effectiveRegion = renamed(Parameter.LOCK_REGION, () -> RequestParameters.region(region));
        } else if (defaultRegion != null) {
            effectiveRegion = defaultRegion;
        } else {
            throw new InvalidRequestException(Parameter.REGION, "is not set: give ", Parameter.LOCK_REGION, " or ",
                    Parameter.REGION, ", or set AWS_REGION or AWS_DEFAULT_REGION");
        }
        DynamoDbClients.Builder builder = DynamoDbClients.builder().region(effectiveRegion).environment(environment)
                .credentialsProvider(credentials);
        if (endpointUrl != null) {
            builder.endpointOverride(renamed(Parameter.LOCK_ENDPOINT_URL,
                    () -> RequestParameters.endpointUrl(endpointUrl)));
        }
        return builder.build();
    }

    /** Runs a check of the engine's, naming this command's flag in its refusal. */
    private static <T> T renamed(Parameter parameter, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidRequestException e) {
            throw e.about(parameter);
        }
    }
}
