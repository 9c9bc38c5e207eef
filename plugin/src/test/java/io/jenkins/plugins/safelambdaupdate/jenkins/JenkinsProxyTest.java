package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.safelambdaupdate.HttpProxy;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The controller's HTTP proxy settings reach the step's AWS clients: host, port, user, password, no-proxy hosts. */
@WithJenkins
class JenkinsProxyTest {

    @Test
    void theControllersProxySettingsBecomeTheClientsProxy(JenkinsRule j) {
        assertNull(JenkinsProxy.ofController(), "no proxy configured, none used");
        j.jenkins.setProxy(new ProxyConfiguration("proxy.example.com", 3128, "ci", "proxy-password",
                "*.internal.example\nlambda.eu-west-1.amazonaws.com"));

        HttpProxy proxy = JenkinsProxy.ofController();

        assertEquals(URI.create("http://proxy.example.com:3128"), proxy.endpoint());
        assertEquals("ci", proxy.username());
        assertEquals("proxy-password", proxy.password());
        assertTrue(proxy.appliesTo("lambda.us-east-1.amazonaws.com"));
        assertFalse(proxy.appliesTo("lambda.eu-west-1.amazonaws.com"));
        assertFalse(proxy.appliesTo("deploy.internal.example"));
        assertFalse(proxy.toString().contains("proxy-password"));
    }
}
