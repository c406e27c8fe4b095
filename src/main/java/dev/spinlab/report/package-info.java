/**
 * Rendering of results for people and tools: fault reports (and, as the layers above grow,
 * dmesg-style logs, stack dumps, JSON, SARIF, HTML timelines). Must not touch: the simulation;
 * it only formats values it is given.
 */
package dev.spinlab.report;
