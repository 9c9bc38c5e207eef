package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;

/**
 * A small, distinct Lambda zip for the demo: a Python handler that returns its pipeline's label.
 *
 * @param label what the handler returns, for example {@code "pipeline 3"}
 * @param bytes the zip
 * @param codeSha256 base64 of the SHA-256 of the zip, as Lambda reports it
 */
record DemoZip(String label, byte[] bytes, String codeSha256) {

    /**
     * @param label what the handler returns, not null
     * @return a zip whose bytes depend only on the label
     */
    static DemoZip of(String label) {
        byte[] bytes = SampleZips.pythonHandler(label);
        return new DemoZip(label, bytes, SampleZips.codeSha256(bytes));
    }
}
