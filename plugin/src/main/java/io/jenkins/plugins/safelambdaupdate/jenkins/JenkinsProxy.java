package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.safelambdaupdate.HttpProxy;
import jenkins.model.Jenkins;

/** The controller's HTTP proxy (Manage Jenkins › System › HTTP Proxy) for the step's AWS clients. */
final class JenkinsProxy {
    private JenkinsProxy() {
    }

    /** @return the controller's proxy, or null when none is configured */
    static HttpProxy ofController() {
        return of(Jenkins.get().getProxy());
    }

    /** @return the proxy, with its user, password and no-proxy hosts; null for none */
    static HttpProxy of(ProxyConfiguration proxy) {
        if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
            return null;
        }
        Secret password = proxy.getSecretPassword();
        return HttpProxy.of(proxy.getName(), proxy.getPort(), proxy.getUserName(),
                password == null ? null : password.getPlainText(), proxy.getNoProxyHost());
    }
}
