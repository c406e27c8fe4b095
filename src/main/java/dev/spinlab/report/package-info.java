/**
 * Rendering of results for people and tools: run's dmesg-style log and summary, check's
 * findings with their traces, fault reports, stack dumps and findings as JSON. Must not touch:
 * the simulation or the search; it only formats values it is given.
 */
package dev.spinlab.report;
