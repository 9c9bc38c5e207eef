package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/** What a command prints goes to the writers it was given, whatever happens to System.out and System.err meanwhile. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CommandLineWritersTest {

    @Test
    void theWritersSetStayWhenSystemErrAndOutChangeBeforeExecution() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SafeLambdaUpdateCli.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
        // As another thread (another test, a plugin) may do between building the command line and running it.
        System.setOut(new PrintStream(elsewhere, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(elsewhere, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = commandLine.execute("deploy", "--function", "fn", "--region", "US-EAST-1", "--memory", "256");
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --region");
        assertThat(elsewhere.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
