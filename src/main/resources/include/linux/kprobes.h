/*
 * spinlab does not model kprobes: the model machine has no such hardware or subsystem, so a driver
 * built on it cannot run here. Including this header stops the build at the #include line.
 */
#error "not modelled: kprobes (include/linux/kprobes.h)"
