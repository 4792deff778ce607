/**
 * The {@code margin-sim} command line (picocli): one class per command, the run options that override a spec
 * ({@link RunOverrides}), output targets checked before a run ({@link OutputTargets}), and the translation of every
 * failure into one line and the documented exit code ({@link Failures}).
 */
package io.marginsim.cli;
