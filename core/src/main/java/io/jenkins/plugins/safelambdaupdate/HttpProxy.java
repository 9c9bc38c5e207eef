package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;

/**
 * An HTTP proxy for the AWS clients, with the hosts that bypass it (as Jenkins' HTTP proxy settings give them:
 * patterns separated by spaces, commas or {@code |}, where {@code *} stands for any run of characters). Immutable;
 * its {@link #toString()} never shows the password.
 */
public final class HttpProxy {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<Pattern> bypass;

    private HttpProxy(String host, int port, String username, String password, List<Pattern> bypass) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.bypass = bypass;
    }

    /**
     * @param host the proxy's host name, not blank
     * @param port the proxy's port, 1 to 65535
     * @param username the user to authenticate as, or null for none
     * @param password the user's password, or null
     * @param noProxyHosts the hosts reached directly, or null for none
     * @return the proxy
     * @throws InvalidRequestException naming {@code proxy} when the host or port is not usable
     */
    public static HttpProxy of(String host, int port, String username, String password, String noProxyHosts) {
        if (host == null || host.isBlank() || host.contains("/") || host.contains(" ")) {
            throw new InvalidRequestException(Parameter.PROXY, "host must be a host name, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidRequestException(Parameter.PROXY, "port must be between 1 and 65535, was " + port);
        }
        List<Pattern> bypass = new ArrayList<>();
        if (noProxyHosts != null) {
            for (String entry : noProxyHosts.split("[ \t\r\n,|]+")) {
                if (!entry.isEmpty()) {
                    bypass.add(Pattern.compile(Pattern.quote(entry.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q")));
                }
            }
        }
        return new HttpProxy(host.trim(), port, blankToNull(username), password, List.copyOf(bypass));
    }

    /**
     * Sets this proxy on an SDK HTTP client for requests to {@code targetHost}, unless its bypass list names that host.
     * The SDK's own proxy system properties and environment variables are not read either way.
     *
     * @param http the HTTP client being built, not null
     * @param targetHost the AWS service's host, for example {@code sts.us-east-1.amazonaws.com}
     */
    public void applyTo(ApacheHttpClient.Builder http, String targetHost) {
        if (appliesTo(targetHost)) {
            http.proxyConfiguration(ProxyConfiguration.builder().endpoint(endpoint()).username(username())
                    .password(password()).useSystemPropertyValues(false).useEnvironmentVariableValues(false).build());
        }
    }

    /** @return whether requests to {@code targetHost} go through the proxy (it matches no bypass pattern) */
    public boolean appliesTo(String targetHost) {
        String target = Objects.requireNonNull(targetHost, "targetHost cannot be null").toLowerCase(Locale.ROOT);
        return bypass.stream().noneMatch(p -> p.matcher(target).matches());
    }

    /** @return the proxy as the SDK's HTTP client takes it: {@code http://host:port} */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    /** @return the user, or null */
    public String username() {
        return username;
    }

    /** @return the password, or null; never logged */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "HttpProxy{" + host + ":" + port + (username == null ? "" : ", user " + username)
                + ", bypass " + bypass.size() + " pattern(s)}";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
