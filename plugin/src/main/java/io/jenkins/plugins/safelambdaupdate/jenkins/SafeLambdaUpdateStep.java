package io.jenkins.plugins.safelambdaupdate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code safeLambdaUpdate}: deploys to one AWS Lambda function through the engine in {@code core}, serialized by a
 * lockable resource named after the function's ARN. Only {@code functionName} is required; every setting left unset is
 * not changed on the function. Holds plain values only; the work is done by {@link SafeLambdaUpdateExecution}.
 */
public final class SafeLambdaUpdateStep extends Step {
    private final String functionName;
    private String zipFile;
    private String s3Bucket;
    private String s3Key;
    private String s3ObjectVersion;
    private String imageUri;
    private List<String> environment;
    private String environmentMode = "merge";
    private Integer memorySize;
    private Integer timeout;
    private String handler;
    private String runtime;
    private String description;
    private List<String> layers;
    private String role;
    private boolean publish;
    private String alias;
    private String region;
    private String credentialsId;
    private String endpointUrl;
    private boolean lock = true;
    private boolean crossHostLock = true;
    private int deadlineMinutes = (int) DeploymentRequest.DEFAULT_DEADLINE.toMinutes();
    private int conflictRetries = DeploymentRequest.DEFAULT_CONFLICT_RETRIES;
    private String onForeignChange = "reapply";

    /** @param functionName a function name, name:qualifier, or a partial or full function ARN */
    @DataBoundConstructor
    public SafeLambdaUpdateStep(String functionName) {
        this.functionName = Util.fixEmptyAndTrim(functionName);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new SafeLambdaUpdateExecution(this, context);
    }

    // @formatter:off (one line per bound property)
    public String getFunctionName() { return functionName; }
    public String getZipFile() { return zipFile; }
    @DataBoundSetter public void setZipFile(String value) { zipFile = Util.fixEmptyAndTrim(value); }
    public String getS3Bucket() { return s3Bucket; }
    @DataBoundSetter public void setS3Bucket(String value) { s3Bucket = Util.fixEmptyAndTrim(value); }
    public String getS3Key() { return s3Key; }
    @DataBoundSetter public void setS3Key(String value) { s3Key = Util.fixEmptyAndTrim(value); }
    public String getS3ObjectVersion() { return s3ObjectVersion; }
    @DataBoundSetter public void setS3ObjectVersion(String value) { s3ObjectVersion = Util.fixEmptyAndTrim(value); }
    public String getImageUri() { return imageUri; }
    @DataBoundSetter public void setImageUri(String value) { imageUri = Util.fixEmptyAndTrim(value); }
    public List<String> getEnvironment() { return environment; }
    @DataBoundSetter public void setEnvironment(List<String> value) { environment = value == null ? null : new ArrayList<>(value); }
    public String getEnvironmentMode() { return environmentMode; }
    @DataBoundSetter public void setEnvironmentMode(String value) { environmentMode = lowerCase(value, "merge"); }
    public Integer getMemorySize() { return memorySize; }
    @DataBoundSetter public void setMemorySize(Integer value) { memorySize = value; }
    public Integer getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(Integer value) { timeout = value; }
    public String getHandler() { return handler; }
    @DataBoundSetter public void setHandler(String value) { handler = Util.fixEmptyAndTrim(value); }
    public String getRuntime() { return runtime; }
    @DataBoundSetter public void setRuntime(String value) { runtime = Util.fixEmptyAndTrim(value); }
    public String getDescription() { return description; }
    @DataBoundSetter public void setDescription(String value) { description = Util.fixEmpty(value); }
    public List<String> getLayers() { return layers; }
    @DataBoundSetter public void setLayers(List<String> value) { layers = value == null ? null : new ArrayList<>(value); }
    public String getRole() { return role; }
    @DataBoundSetter public void setRole(String value) { role = Util.fixEmptyAndTrim(value); }
    public boolean isPublish() { return publish; }
    @DataBoundSetter public void setPublish(boolean value) { publish = value; }
    public String getAlias() { return alias; }
    @DataBoundSetter public void setAlias(String value) { alias = Util.fixEmptyAndTrim(value); }
    public String getRegion() { return region; }
    @DataBoundSetter public void setRegion(String value) { region = Util.fixEmptyAndTrim(value); }
    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String value) { credentialsId = Util.fixEmptyAndTrim(value); }
    public String getEndpointUrl() { return endpointUrl; }
    @DataBoundSetter public void setEndpointUrl(String value) { endpointUrl = Util.fixEmptyAndTrim(value); }
    public boolean isLock() { return lock; }
    @DataBoundSetter public void setLock(boolean value) { lock = value; }
    public boolean isCrossHostLock() { return crossHostLock; }
    @DataBoundSetter public void setCrossHostLock(boolean value) { crossHostLock = value; }
    public int getDeadlineMinutes() { return deadlineMinutes; }
    @DataBoundSetter public void setDeadlineMinutes(int value) { deadlineMinutes = value; }
    public int getConflictRetries() { return conflictRetries; }
    @DataBoundSetter public void setConflictRetries(int value) { conflictRetries = value; }
    public String getOnForeignChange() { return onForeignChange; }
    @DataBoundSetter public void setOnForeignChange(String value) { onForeignChange = lowerCase(value, "reapply"); }
    // @formatter:on

    private static String lowerCase(String value, String blank) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? blank : v.toLowerCase(Locale.ROOT);
    }

    /** The step's descriptor; the form helpers (drop-downs, validation) live in {@link SafeLambdaUpdateForm}. */
    @Extension
    @Symbol("safeLambdaUpdate")
    public static final class DescriptorImpl extends SafeLambdaUpdateForm {
        @Override
        public String getFunctionName() {
            return "safeLambdaUpdate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy to AWS Lambda safely (serialized, waited for, verified)";
        }

        /** A workspace ({@code FilePath}) is needed only for {@code zipFile} and is looked up then. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        /**
         * The form edits the two lists as text, one entry per line (as {@code withEnv}'s form does); a blank
         * environment under {@code environmentMode} replace is {@code environment: []} (see {@link #fromStepForm}).
         */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, fromStepForm(formData));
        }
    }
}
