/**
 * Rendering of results for people and tools: run's dmesg-style log and summary, check's
 * findings with their traces, fault reports, stack dumps, findings as JSON and SARIF, and fix
 * advice derived from typed findings with the source edits it proposes. Must not touch: the
 * simulation or the search; it only formats values it is given (and edits lines of text).
 */
package dev.spinlab.report;
