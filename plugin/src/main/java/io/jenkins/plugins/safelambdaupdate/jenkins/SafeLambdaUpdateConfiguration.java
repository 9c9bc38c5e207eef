package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockTable;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins › System › Safe Lambda Update: a DynamoDB table that makes every {@code safeLambdaUpdate} on this
 * controller also queue across hosts (other controllers, other CI systems) after its lockable resource. Without a
 * table, deployments are serialized on this controller only.
 */
@Extension
@Symbol("safeLambdaUpdate")
public class SafeLambdaUpdateConfiguration extends GlobalConfiguration {
    private String lockTable;
    private String lockRegion;
    private String lockCredentialsId;
    private String lockEndpointUrl;
    private boolean allowControllerIdentity;

    /** Loads the saved settings. */
    public SafeLambdaUpdateConfiguration() {
        load();
    }

    /** @return the controller's settings */
    public static SafeLambdaUpdateConfiguration get() {
        return ExtensionList.lookupSingleton(SafeLambdaUpdateConfiguration.class);
    }

    public String getLockTable() {
        return lockTable;
    }

    @DataBoundSetter
    public void setLockTable(String value) {
        lockTable = Util.fixEmptyAndTrim(value);
        save();
    }

    public String getLockRegion() {
        return lockRegion;
    }

    @DataBoundSetter
    public void setLockRegion(String value) {
        lockRegion = Util.fixEmptyAndTrim(value);
        save();
    }

    public String getLockCredentialsId() {
        return lockCredentialsId;
    }

    @DataBoundSetter
    public void setLockCredentialsId(String value) {
        lockCredentialsId = Util.fixEmptyAndTrim(value);
        save();
    }

    public String getLockEndpointUrl() {
        return lockEndpointUrl;
    }

    @DataBoundSetter
    public void setLockEndpointUrl(String value) {
        lockEndpointUrl = Util.fixEmptyAndTrim(value);
        save();
    }

    /**
     * @return whether a step without credentials of its own may deploy with the controller's own AWS identity (the
     *     SDK's default chain: instance or container role, {@code ~/.aws}, {@code AWS_PROFILE}, {@code
     *     credential_process}); off by default, so that no build borrows the controller's permissions unasked
     */
    public boolean isAllowControllerIdentity() {
        return allowControllerIdentity;
    }

    @DataBoundSetter
    public void setAllowControllerIdentity(boolean value) {
        allowControllerIdentity = value;
        save();
    }

    @POST
    public FormValidation doCheckLockTable(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok("Without a table, deployments are serialized on this controller only.");
        }
        return check(() -> DynamoDbLockTable.checkName(value.trim()));
    }

    @POST
    public FormValidation doCheckLockRegion(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : check(() -> RequestParameters.region(value));
    }

    @POST
    public FormValidation doCheckLockEndpointUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok()
                : check(() -> RequestParameters.endpointUrl(value));
    }

    @POST
    public ListBoxModel doFillLockCredentialsIdItems(@QueryParameter String lockCredentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = lockCredentialsId == null ? "" : lockCredentialsId;
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), AmazonWebServicesCredentials.class, List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(current);
    }

    /** @return the credentials of {@link #getLockCredentialsId()}, in the controller's global scope, or null */
    AmazonWebServicesCredentials lockCredentials() {
        if (lockCredentialsId == null) {
            return null;
        }
        AmazonWebServicesCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(lockCredentialsId,
                AmazonWebServicesCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (found == null) {
            throw new InvalidRequestException(Parameter.LOCK_CREDENTIALS, "'" + lockCredentialsId
                    + "' of the Safe Lambda Update settings does not name global AWS credentials");
        }
        return found;
    }

    private static FormValidation check(Runnable check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidRequestException e) {
            return FormValidation.error(StepParameters.describe(e));
        }
    }
}
