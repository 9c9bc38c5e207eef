package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The engine's refusals in the step's own words, without Jenkins: the mapping is a table of {@link Parameter}s, and
 * every name in it that looks like a parameter is one of the step's (or of its global settings).
 */
class StepParametersTest {

    @Test
    void engineRefusalsReadInTheStepsVocabulary() {
        InvalidRequestException deadline = assertThrows(InvalidRequestException.class, () -> new RequestValidator()
                .validate(DeploymentRequest.builder().functionName("fn").deadline(Duration.ofHours(13)).build()));
        assertTrue(StepParameters.describe(deadline).startsWith("deadlineMinutes must be positive and at most 12 hours"),
                StepParameters.describe(deadline));

        InvalidRequestException alias = assertThrows(InvalidRequestException.class, () -> new RequestValidator()
                .validate(DeploymentRequest.builder().functionName("fn").alias("live").build()));
        assertTrue(StepParameters.describe(alias).startsWith("alias live needs publish: "));

        InvalidRequestException code = assertThrows(InvalidRequestException.class, () -> RequestParameters.codeSource(
                Path.of("f.zip"), "bucket", "key.zip", null, null));
        assertEquals("zipFile cannot be combined with s3Bucket/s3Key: give exactly one way to deploy code, zipFile,"
                + " s3Bucket/s3Key or imageUri", StepParameters.describe(code));
    }

    @Test
    void theStepsOwnRefusalsKeepTheirWording() {
        assertEquals("deadlineMinutes must be between 1 and 720 (12 hours), was 0", StepParameters.describe(
                new InvalidRequestException(Parameter.DEADLINE, "must be between 1 and 720 (12 hours), was 0")));
        assertEquals("credentialsId 'x' does not name AWS credentials", StepParameters.describe(
                new InvalidRequestException(Parameter.CREDENTIALS, "'x' does not name AWS credentials")));
    }

    @Test
    void everyNameThatLooksLikeAParameterIsOneOfTheStepsOrOfItsSettings() {
        for (Parameter parameter : Parameter.values()) {
            String name = StepParameters.name(parameter);
            if (!name.matches("[a-z][A-Za-z0-9]*")) {
                continue; // prose for what the step cannot be given ("AWS profile") or a variable (AWS_ENDPOINT_URL)
            }
            String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean found = Arrays.stream(SafeLambdaUpdateStep.class.getMethods())
                    .anyMatch(m -> m.getName().equals("get" + property) || m.getName().equals("is" + property))
                    || Arrays.stream(SafeLambdaUpdateConfiguration.class.getMethods())
                    .anyMatch(m -> m.getName().equals("get" + property));
            assertTrue(found, parameter + " is called " + name + ", which the step does not know");
        }
    }
}
