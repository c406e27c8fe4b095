/**
 * Compile errors and warnings located at file:line:column, and their rendering in gcc's form
 * with the source line and a caret. Must not touch: anything that produces them.
 */
package dev.spinlab.kc.diag;
