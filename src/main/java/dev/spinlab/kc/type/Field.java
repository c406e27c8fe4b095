package dev.spinlab.kc.type;

/** A struct or union member at a byte offset from the start of the enclosing object. */
public record Field(String name, CType type, long offset) {}
