/**
 * An in-process HTTP emulator of the AWS Lambda control plane. Start one with
 * {@link io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator#builder()}; everything under
 * {@code internal} is implementation.
 */
package io.jenkins.plugins.safelambdaupdate.simulator;
