/**
 * The HTML report ({@code --html FILE}, docs/html.md): a page with a timeline per trace, built
 * from the typed trace (check's Explorer.Step and TraceStep, the states the trace passes
 * through, lockdep's held locks) into records ({@link dev.spinlab.report.html.HtmlModel})
 * that Jackson embeds in a template with its style and script. Must not touch: the search or
 * the simulation's choices; it follows a trace through the model as replay does, and reads
 * what run's steps were as they are taken.
 */
package dev.spinlab.report.html;
