/*
 * spinlab does not model the crypto API: the model machine has no such hardware or subsystem, so a driver
 * built on it cannot run here. Including this header stops the build at the #include line.
 */
#error "not modelled: the crypto API (include/linux/crypto.h)"
