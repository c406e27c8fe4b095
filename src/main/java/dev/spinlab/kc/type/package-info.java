/**
 * C types with gcc's LP64 sizes and struct layout. Must not touch: expressions or code.
 */
package dev.spinlab.kc.type;
