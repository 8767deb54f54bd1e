/**
 * The node's shell: Gogo commands of scope {@code node}, the formatter that prints their DTOs as a
 * table or as JSON, the control socket server that runs command lines for {@code anyhome ctl},
 * and the writer of the node's log file. Nothing here is exported.
 */
package io.anyhome.shell.internal;
