/**
 * Each part of the platform as its own JVM, the way production runs it, so a part can be stopped (SIGTERM), killed
 * (SIGKILL) and started again while the others keep working: {@link dev.orderflow.launcher.process.ServiceProcess}
 * is one restartable part, {@link dev.orderflow.launcher.process.ProcessPlatform} the whole platform built from
 * them on embedded infrastructure. Used by the restart and chaos runs.
 */
package dev.orderflow.launcher.process;
