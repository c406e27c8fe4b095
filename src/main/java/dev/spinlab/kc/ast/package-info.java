/**
 * The typed abstract syntax tree the parser produces and the compiler consumes: every
 * conversion explicit, every expression typed. Records and sealed interfaces only.
 * Must not touch: parsing or code generation.
 */
package dev.spinlab.kc.ast;
