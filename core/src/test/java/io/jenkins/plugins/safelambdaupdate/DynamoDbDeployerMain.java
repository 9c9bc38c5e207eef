package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Another host, in a JVM of its own: {@code deploy LAMBDA_ENDPOINT DYNAMODB_ENDPOINT TABLE FUNCTION ZIP OWNER} deploys
 * the zip and publishes a version through the DynamoDB lock; {@code hold DYNAMODB_ENDPOINT TABLE LOCK OWNER} takes
 * the lock and holds it until killed. Reports on standard output: {@code WAITING holder}, {@code LOCKED millis},
 * {@code RELEASED millis}, then {@code RESULT version codeSha256} or {@code FAILED kind message}.
 */
public final class DynamoDbDeployerMain {
    static final Duration LEASE = Duration.ofSeconds(2);

    private DynamoDbDeployerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold")) {
            try (DynamoDbClient dynamoDb = dynamoDb(args[1])) {
                LockProvider locks = LockProviders.dynamoDb(dynamoDb, settings(args[2], args[4]));
                FunctionLock lock = locks.acquire(args[3], Duration.ofMinutes(1), h -> say("WAITING " + h));
                say("LOCKED " + System.currentTimeMillis() + " " + lock.name());
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            }
            return;
        }
        try (DynamoDbClient dynamoDb = dynamoDb(args[2]);
             LambdaClient lambda = LambdaClients.builder().region("us-east-1").endpointOverride(URI.create(args[1]))
                     .credentialsProvider(credentials()).build()) {
            SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(lambda)
                    .lockProvider(LockProviders.dynamoDb(dynamoDb, settings(args[3], args[6]))).build();
            DeploymentRequest request = DeploymentRequest.builder().functionName(args[4])
                    .code(CodeSource.zipFile(Path.of(args[5]))).environment(Map.of("OWNER", args[6]))
                    .publish(true).deadline(Duration.ofMinutes(2)).build();
            try {
                DeploymentResult result = deployer.deploy(request, DynamoDbDeployerMain::report);
                say("RESULT " + result.version().orElse("-") + " " + result.codeSha256());
            } catch (DeploymentException e) {
                say("FAILED " + e.failure() + " " + e.getMessage().replace('\n', ' '));
            }
        }
    }

    static DynamoDbLockSettings settings(String table, String owner) {
        return DynamoDbLockSettings.builder().tableName(table).ownerName(owner).leaseDuration(LEASE)
                .heartbeatPeriod(Duration.ofMillis(500)).refreshPeriod(Duration.ofMillis(100)).build();
    }

    private static void report(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.LockWaiting e) {
            say("WAITING " + e.holder());
        } else if (event instanceof DeploymentEvent.LockAcquired e) {
            say("LOCKED " + e.at().toEpochMilli());
        } else if (event instanceof DeploymentEvent.Released e) {
            say("RELEASED " + e.at().toEpochMilli());
        }
    }

    private static DynamoDbClient dynamoDb(String endpoint) {
        return DynamoDbClients.builder().region("us-east-1").endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
